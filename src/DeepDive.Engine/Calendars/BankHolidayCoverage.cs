using System.Globalization;
using DeepDive.Domain.Calendars;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Calendars;

/// <summary>
/// The years the bank holidays cover and the file they come from: a round or due date outside those years was not
/// checked for bank holidays, and the warning says so and names the file to update.
/// </summary>
public sealed class BankHolidayCoverage
{
    /// <summary>What every warning of <see cref="NotChecked"/> says of its subject.</summary>
    public const string NotCheckedPhrase = "was not checked for bank holidays";

    private readonly WorkingCalendar calendar;

    private BankHolidayCoverage(WorkingCalendar calendar, string file)
    {
        this.calendar = calendar;
        File = file;
    }

    /// <summary>The bank holidays file the engine loads (<see cref="BankHolidayFile.DefaultPath"/>): the one to update.</summary>
    public string File { get; }

    /// <summary>The first year with bank holidays, or null when none are known.</summary>
    public int? FirstYear => calendar.FirstBankHolidayYear;

    /// <summary>The last year with bank holidays, or null when none are known: a later day is not checked for them.</summary>
    public int? LastYear => calendar.LastBankHolidayYear;

    /// <summary>The years covered, e.g. "2025-2030", or "no year".</summary>
    public string Years => FirstYear is { } first && LastYear is { } last
        ? string.Create(CultureInfo.InvariantCulture, $"{first}-{last}")
        : "no year";

    /// <summary>The coverage of a calendar's bank holidays, which came from <paramref name="file"/> (the default file when null).</summary>
    public static BankHolidayCoverage Of(WorkingCalendar calendar, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new BankHolidayCoverage(calendar, file ?? BankHolidayFile.DefaultPath());
    }

    /// <summary>The coverage of the bank holidays stored in the database (as the engine last loaded them from the file).</summary>
    public static async Task<BankHolidayCoverage> ReadAsync(Database database, CancellationToken cancellationToken) =>
        Of(new WorkingCalendar(await new BankHolidayStore(database).ListAsync(cancellationToken)));

    /// <summary>Whether every day from <paramref name="from"/> to <paramref name="to"/> is in a year whose bank holidays are known.</summary>
    public bool Covers(DateOnly from, DateOnly to) => calendar.FirstYearWithoutBankHolidays(from, to) is null;

    /// <summary>
    /// Null when every day from <paramref name="from"/> to <paramref name="to"/> was checked for bank holidays; otherwise
    /// the warning that <paramref name="subject"/> (e.g. "Mon 6 Jan 2031") was not, naming the file to update.
    /// </summary>
    public string? NotChecked(string subject, DateOnly from, DateOnly to) =>
        calendar.FirstYearWithoutBankHolidays(from, to) is { } year
            ? string.Create(CultureInfo.InvariantCulture,
                $"{subject} {NotCheckedPhrase}: {File} covers {Years} only; add {year}'s bank holidays to it")
            : null;
}
