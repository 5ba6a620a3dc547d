using DeepDive.Domain.Cycles;
using Quartz;

namespace DeepDive.Engine.Scheduling;

/// <summary>A cycle's schedule as the "next firing after" function the domain's firing arithmetic takes.</summary>
public static class CycleCron
{
    public static Func<DateTimeOffset, DateTimeOffset?> NextAfter(CycleDefinition cycle) =>
        NextAfter(cycle.Schedule.ToCron(), TimeZoneInfo.FindSystemTimeZoneById(cycle.Schedule.TimeZone));

    public static Func<DateTimeOffset, DateTimeOffset?> NextAfter(string cron, TimeZoneInfo zone)
    {
        var expression = new CronExpression(cron, zone);
        return expression.GetNextValidTimeAfter;
    }
}
