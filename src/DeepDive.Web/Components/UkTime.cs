using System.Globalization;

namespace DeepDive.Web.Components;

/// <summary>
/// Dates and times as GOV.UK writes them, in UK time: "7 July 2027", "9:30am", "10am", "7 July 2027 at 9:30am". Stored
/// times are UTC; a stored date (midnight UTC, as the registers keep them) is a calendar day and is not moved.
/// </summary>
public static class UkTime
{
    // The app runs in globalisation-invariant mode, whose month and day names are English.
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static TimeZoneInfo London { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    /// <summary>A UTC instant as the UK's calendar day it falls on: "7 July 2027".</summary>
    public static string Date(DateTime utc) => Local(utc).ToString("d MMMM yyyy", English);

    /// <summary>A calendar day: "7 July 2027".</summary>
    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", English);

    /// <summary>A stored calendar day (midnight UTC): "7 July 2027", whatever the clocks do.</summary>
    public static string Day(DateTime storedDay) => DateOnly.FromDateTime(storedDay).ToString("d MMMM yyyy", English);

    /// <summary>A calendar day with its weekday: "Wednesday 7 July 2027".</summary>
    public static string WeekdayDate(DateOnly day) => day.ToString("dddd d MMMM yyyy", English);

    /// <summary>A calendar day with its weekday, without the year: "Wednesday 7 July".</summary>
    public static string WeekdayDayMonth(DateOnly day) => day.ToString("dddd d MMMM", English);

    /// <summary>A UTC instant's UK time of day as GOV.UK writes it: "9:30am", "10am", "midday", "midnight".</summary>
    public static string Time(DateTime utc)
    {
        var local = Local(utc);
        if (local.Minute == 0 && local.Hour is 0 or 12)
        {
            return local.Hour == 0 ? "midnight" : "midday";
        }

        var hour = local.Hour % 12 == 0 ? 12 : local.Hour % 12;
        var minutes = local.Minute == 0 ? "" : ":" + local.Minute.ToString("00", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{hour}{minutes}{(local.Hour < 12 ? "am" : "pm")}");
    }

    /// <summary>"7 July 2027 at 9:30am".</summary>
    public static string DateAndTime(DateTime utc) => $"{Date(utc)} at {Time(utc)}";

    /// <summary>The UTC instant the UK day <paramref name="day"/> starts.</summary>
    public static DateTime StartUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), London);

    /// <summary>Today in the UK, by <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(Local(clock.GetUtcNow().UtcDateTime));
}
