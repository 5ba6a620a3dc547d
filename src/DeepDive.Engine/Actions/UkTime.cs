namespace DeepDive.Engine.Actions;

/// <summary>Action plans run on UK time; their dates are stored, as every date in DeepDive, as midnight UTC.</summary>
public static class UkTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);
    }

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    internal static DateTime Stored(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    internal static DateTime? Stored(DateOnly? day) => day is { } d ? Stored(d) : null;

    internal static DateOnly Read(DateTime stored) => DateOnly.FromDateTime(stored);

    internal static DateOnly? Read(DateTime? stored) => stored is { } s ? Read(s) : null;
}
