using System.Globalization;

namespace DeepDive.Web.Components;

/// <summary>
/// Dates and times as GOV.UK writes them, in Europe/London: "Monday 26 July 2027", "26 July 2027", "9:30am", "9am",
/// "midday", "midnight". Stored times are UTC.
/// </summary>
public static class UkTime
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static TimeZoneInfo Zone => London;

    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    /// <summary>"Monday 26 July 2027".</summary>
    public static string Day(DateTime utc) => Local(utc).ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"26 July 2027".</summary>
    public static string Date(DateTime utc) => Local(utc).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A calendar date that has no time of day (a case's opened date): "3 March 2025".</summary>
    public static string CalendarDate(DateTime date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"9:30am", "9am", "midday", "midnight".</summary>
    public static string Time(DateTime utc)
    {
        var local = Local(utc);
        return (local.Hour, local.Minute) switch
        {
            (0, 0) => "midnight",
            (12, 0) => "midday",
            (_, 0) => local.ToString("htt", CultureInfo.InvariantCulture).ToLowerInvariant(),
            _ => local.ToString("h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant(),
        };
    }

    /// <summary>"26 July 2027 at 9:30am".</summary>
    public static string DateAndTime(DateTime utc) => $"{Date(utc)} at {Time(utc)}";
}
