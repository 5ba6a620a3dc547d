using System.Globalization;

namespace DeepDive.Web.Components;

/// <summary>
/// Dates and times as GOV.UK writes them, in Europe/London (or a cycle's own zone): "7 July 2027", "9:30am",
/// "midday", "Monday 1 March 2027 at 9am". Stored times are UTC.
/// </summary>
public static class UkTime
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    // The app runs with invariant globalisation; its month and day names are English.
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static DateTimeOffset Local(DateTime utc, TimeZoneInfo? zone = null) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone ?? London);

    public static DateTimeOffset Local(DateTimeOffset instant, TimeZoneInfo? zone = null) => TimeZoneInfo.ConvertTime(instant, zone ?? London);

    /// <summary>"7 July 2027".</summary>
    public static string Date(DateTime utc) => Day(Local(utc));

    /// <summary>"7 July 2027 at 9:30am".</summary>
    public static string DateAndTime(DateTime utc) => At(Local(utc));

    /// <summary>"Monday 1 March 2027 at 9am".</summary>
    public static string WeekdayDateAndTime(DateTimeOffset local) =>
        local.ToString("dddd d MMMM yyyy", English) + " at " + Time(local);

    public static string Day(DateTimeOffset local) => local.ToString("d MMMM yyyy", English);

    public static string At(DateTimeOffset local) => Day(local) + " at " + Time(local);

    /// <summary>"9am", "9:30am", "midday", "midnight".</summary>
    public static string Time(DateTimeOffset local) => (local.Hour, local.Minute) switch
    {
        (0, 0) => "midnight",
        (12, 0) => "midday",
        (_, 0) => local.ToString("htt", CultureInfo.InvariantCulture).ToLowerInvariant(),
        _ => local.ToString("h:mmtt", CultureInfo.InvariantCulture).ToLowerInvariant(),
    };

    /// <summary>"July 2027".</summary>
    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", English);

    /// <summary>The UTC instant a local day in London begins.</summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo? zone = null) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone ?? London);
}
