using DeepDive.Domain.Cycles;

namespace DeepDive.Engine.Rounds;

/// <summary>When a rapid audit's tasks are due: five working days after it starts, at the same local time.</summary>
public static class RapidAudit
{
    public const int WorkingDays = 5;

    public static DateTime DeadlineUtc(DateTimeOffset startedAt, TimeZoneInfo zone, int workingDays = WorkingDays)
    {
        var local = TimeZoneInfo.ConvertTime(startedAt, zone);
        var day = Weekdays.Add(DateOnly.FromDateTime(local.DateTime), workingDays);
        var at = day.ToDateTime(TimeOnly.FromDateTime(local.DateTime), DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(at) ? at.AddHours(1) : at, zone);
    }
}
