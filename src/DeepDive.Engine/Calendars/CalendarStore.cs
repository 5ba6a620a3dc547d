using DeepDive.Domain.Calendars;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Calendars;

/// <summary>Builds the working calendar a partnership's rounds and due dates follow, from the stored bank holidays and term dates.</summary>
public sealed class CalendarStore(Database database, TimeProvider clock)
{
    private readonly BankHolidayStore bankHolidays = new(database);
    private readonly SchoolTermStore terms = new(database, clock);

    /// <summary>Weekends and bank holidays, and the partnership's school holidays when <paramref name="schoolHolidays"/> is set.</summary>
    public async Task<WorkingCalendar> ForPartnershipAsync(string partnershipId, bool schoolHolidays, CancellationToken cancellationToken)
    {
        var holidays = await bankHolidays.ListAsync(cancellationToken);
        var school = schoolHolidays ? SchoolHoliday.Between(await terms.ListAsync(partnershipId, cancellationToken)) : [];
        return new WorkingCalendar(holidays, school);
    }

    /// <summary>The calendar of a cycle's rounds and due dates: weekends and bank holidays, and school holidays where the cycle avoids them.</summary>
    public Task<WorkingCalendar> ForCycleAsync(string partnershipId, CycleDefinition cycle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return ForPartnershipAsync(partnershipId, cycle.AvoidsSchoolHolidays(), cancellationToken);
    }
}
