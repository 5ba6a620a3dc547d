using DeepDive.Domain.Calendars;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Calendars;

/// <summary>
/// Builds the working calendar a partnership's rounds and due dates follow, from the stored bank holidays and term dates.
/// The calendar of bank holidays alone, which every task page and inbox needs, is kept for <see cref="BankHolidaysKept"/>:
/// the holidays change once a year, by loading the bank holidays file, and a load in this process is seen at once.
/// </summary>
public sealed class CalendarStore(Database database, TimeProvider clock)
{
    /// <summary>How long the bank holidays read from the database are used before they are read again (a load by another process is seen within this).</summary>
    public static readonly TimeSpan BankHolidaysKept = TimeSpan.FromMinutes(1);

    private readonly BankHolidayStore bankHolidays = new(database);
    private readonly SchoolTermStore terms = new(database, clock);
    private volatile KeptCalendar? kept;

    private sealed record KeptCalendar(WorkingCalendar Calendar, long Changes, long ReadAtMs);

    /// <summary>Weekends and bank holidays, and the partnership's school holidays when <paramref name="schoolHolidays"/> is set.</summary>
    public async Task<WorkingCalendar> ForPartnershipAsync(string partnershipId, bool schoolHolidays, CancellationToken cancellationToken)
    {
        if (!schoolHolidays)
        {
            return await BankHolidaysOnlyAsync(cancellationToken);
        }

        var holidays = await bankHolidays.ListAsync(cancellationToken);
        var school = schoolHolidays ? SchoolHoliday.Between(await terms.ListAsync(partnershipId, cancellationToken)) : [];
        return new WorkingCalendar(holidays, school);
    }

    // Real elapsed time, not the clock: the demo's virtual clock jumps.
    private async Task<WorkingCalendar> BankHolidaysOnlyAsync(CancellationToken cancellationToken)
    {
        var changes = BankHolidayStore.Changes;
        if (kept is { } calendar && calendar.Changes == changes && Environment.TickCount64 - calendar.ReadAtMs < BankHolidaysKept.TotalMilliseconds)
        {
            return calendar.Calendar;
        }

        var read = new KeptCalendar(new WorkingCalendar(await bankHolidays.ListAsync(cancellationToken)), changes, Environment.TickCount64);
        kept = read;
        return read.Calendar;
    }

    /// <summary>The calendar of a cycle's rounds and due dates: weekends and bank holidays, and school holidays where the cycle avoids them.</summary>
    public Task<WorkingCalendar> ForCycleAsync(string partnershipId, CycleDefinition cycle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        return ForPartnershipAsync(partnershipId, cycle.AvoidsSchoolHolidays(), cancellationToken);
    }
}
