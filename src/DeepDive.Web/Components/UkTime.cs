using System.Globalization;
using DeepDive.Engine.Reports;
using EngineUkTime = DeepDive.Engine.Actions.UkTime;

namespace DeepDive.Web.Components;

/// <summary>
/// Dates and times as GOV.UK writes them, in Europe/London (or a cycle's own zone): "Monday 26 July 2027",
/// "26 July 2027", "9:30am", "9am", "midday", "midnight". Stored times are UTC. The app runs with invariant
/// globalisation; its month and day names are English.
/// </summary>
public static class UkTime
{
    public static readonly TimeZoneInfo London = EngineUkTime.Zone;

    public static TimeZoneInfo Zone => London;

    public static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    /// <summary>"Monday 26 July 2027".</summary>
    public static string Day(DateTime utc) => Local(utc).ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"26 July 2027".</summary>
    public static string Date(DateTime utc) => Local(utc).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A calendar date that has no time of day (a case's opened date): "3 March 2025".</summary>
    public static string CalendarDate(DateTime date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"9:30am", "9am", "midday", "midnight".</summary>
    public static string Time(DateTime utc) => Time(InZone(utc));

    /// <summary>The time of day of a local instant: "9:30am", "9am", "midday", "midnight".</summary>
    public static string Time(DateTimeOffset local) => UkFormat.TimeOfDay(local);

    /// <summary>A stored UTC time in <paramref name="zone"/> (London when not given).</summary>
    public static DateTimeOffset InZone(DateTime utc, TimeZoneInfo? zone = null) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), zone ?? London);

    /// <summary>An instant in <paramref name="zone"/> (London when not given).</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo? zone = null) => TimeZoneInfo.ConvertTime(instant, zone ?? London);

    /// <summary>The day of a local instant: "7 July 2027".</summary>
    public static string DayOf(DateTimeOffset local) => local.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A local instant: "7 July 2027 at 9:30am".</summary>
    public static string At(DateTimeOffset local) => DayOf(local) + " at " + Time(local);

    /// <summary>A local instant with its weekday: "Monday 1 March 2027 at 9am".</summary>
    public static string WeekdayDateAndTime(DateTimeOffset local) =>
        local.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture) + " at " + Time(local);

    /// <summary>"July 2027".</summary>
    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"26 July 2027 at 9:30am".</summary>
    public static string DateAndTime(DateTime utc) => $"{Date(utc)} at {Time(utc)}";

    /// <summary>A calendar day: "26 July 2027".</summary>
    public static string Date(DateOnly day) => UkFormat.Date(day);

    /// <summary>A calendar day with its weekday: "Monday 26 July 2027".</summary>
    public static string WeekdayDate(DateOnly day) => day.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A calendar day with its weekday, without the year: "Monday 26 July".</summary>
    public static string WeekdayDayMonth(DateOnly day) => day.ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    /// <summary>The UTC instant the UK day <paramref name="day"/> starts.</summary>
    public static DateTime StartUtc(DateOnly day) => StartOfDayUtc(day);

    /// <summary>The UTC instant a local day begins in <paramref name="zone"/> (London when not given).</summary>
    public static DateTime StartOfDayUtc(DateOnly day, TimeZoneInfo? zone = null) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone ?? London);

    /// <summary>Today in the UK, by <paramref name="clock"/>.</summary>
    public static DateOnly Today(TimeProvider clock) => EngineUkTime.Today(clock);
}
