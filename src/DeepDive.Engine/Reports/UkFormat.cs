using System.Globalization;
using DeepDive.Engine.Actions;

namespace DeepDive.Engine.Reports;

/// <summary>Dates and times as GOV.UK writes them, in UK time: "7 July 2027", "9:30am", "10am", "midday".</summary>
public static class UkFormat
{
    public static string Date(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? day, string none = "Not recorded") => day is { } d ? Date(d) : none;

    public static string Date(DateTime utc) => Date(UkTime.DayOf(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc))));

    /// <summary>An instant's time of day in UK time: "9am", "9:30am", "midday", "midnight".</summary>
    public static string Time(DateTimeOffset instant) => TimeOfDay(TimeZoneInfo.ConvertTime(instant, UkTime.Zone));

    /// <summary>The time of day of an instant already in its zone, as GOV.UK writes it: "9am", "9:30am", "midday", "midnight".</summary>
    public static string TimeOfDay(DateTimeOffset local) => (local.Hour, local.Minute) switch
    {
        (12, 0) => "midday",
        (0, 0) => "midnight",
        var (h, m) => $"{(h % 12 == 0 ? 12 : h % 12)}{(m == 0 ? "" : $":{m:00}")}{(h < 12 ? "am" : "pm")}",
    };

    /// <summary>"7 July 2027 at 9:30am".</summary>
    public static string DateAndTime(DateTime utc)
    {
        var instant = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return $"{Date(UkTime.DayOf(instant))} at {Time(instant)}";
    }

    public static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
