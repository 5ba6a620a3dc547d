using System.Globalization;
using DeepDive.Domain.Calendars;

namespace DeepDive.Domain.Actions;

/// <summary>A reporting period of whole days, both included, as the committee sees it in UK time.</summary>
public sealed record ReportingPeriod(DateOnly From, DateOnly To)
{
    /// <summary>Reads <c>yyyy-MM-dd..yyyy-MM-dd</c>; the problem says what is wrong otherwise.</summary>
    public static bool TryParse(string? text, out ReportingPeriod? period, out string? problem)
    {
        period = null;
        var parts = (text ?? "").Split("..", StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            problem = $"'{text}' is not a period: write it as from..to, e.g. 2027-04-01..2027-06-30";
            return false;
        }

        if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            problem = $"the period's start '{parts[0]}' is not a date in the form yyyy-MM-dd";
            return false;
        }

        if (!DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            problem = $"the period's end '{parts[1]}' is not a date in the form yyyy-MM-dd";
            return false;
        }

        if (to < from)
        {
            problem = $"the period ends on {to:yyyy-MM-dd}, before it starts on {from:yyyy-MM-dd}";
            return false;
        }

        period = new ReportingPeriod(from, to);
        problem = null;
        return true;
    }

    /// <summary>The first instant of the period: midnight at the start of <see cref="From"/> in <paramref name="zone"/>.</summary>
    public DateTimeOffset Start(TimeZoneInfo zone) => LocalTime.At(From, TimeOnly.MinValue, zone);

    /// <summary>The first instant after the period: midnight at the end of <see cref="To"/> in <paramref name="zone"/>.</summary>
    public DateTimeOffset End(TimeZoneInfo zone) => LocalTime.At(To.AddDays(1), TimeOnly.MinValue, zone);

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>"1 April 2027 to 30 June 2027".</summary>
    public string Label => $"{UkDate(From)} to {UkDate(To)}";

    public static string UkDate(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
