namespace DeepDive.Domain.Calendars;

/// <summary>Turns a local date and time in a time zone into an instant.</summary>
public static class LocalTime
{
    /// <summary>
    /// The instant of <paramref name="time"/> on <paramref name="date"/> in <paramref name="zone"/>. A time the clocks skip
    /// (01:30 on the spring change) is taken an hour later; a time they pass twice (autumn) is the first of the two.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
