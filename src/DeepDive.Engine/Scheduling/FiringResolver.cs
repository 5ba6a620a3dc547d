using DeepDive.Domain.Cycles;
using DeepDive.Engine.Rounds;
using Quartz;

namespace DeepDive.Engine.Scheduling;

/// <summary>
/// Works out which firing a run of a cycle's job stands for: the latest cron instant at or before the moment it fired.
/// On time that is Quartz's scheduled fire time. After downtime Quartz fires a missed cron trigger once (misfire: fire
/// once now) and reports the first missed instant as scheduled; the round stands for the latest one instead, and lists
/// the earlier ones as missed. A job a dead node was running is re-run by a recovery trigger, whose scheduled time is when
/// the dead node fired it. So the firing key, and with it the round, is the same however many times a firing runs.
/// </summary>
public static class FiringResolver
{
    public static async Task<FiringTime> ResolveAsync(IJobExecutionContext context, TimeProvider clock, CancellationToken cancellationToken)
    {
        var scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        var trigger = context.Trigger;
        if (context.Recovering && context.RecoveringTriggerKey is { } original
            && await context.Scheduler.GetTrigger(original, cancellationToken) is { } originalTrigger)
        {
            trigger = originalTrigger;
        }

        if (trigger is not ICronTrigger { CronExpressionString: { } cron } cronTrigger)
        {
            return FiringTime.OnTime(scheduled.UtcDateTime);
        }

        var expression = new CronExpression(cron, cronTrigger.TimeZone);
        Func<DateTimeOffset, DateTimeOffset?> nextAfter = expression.GetNextValidTimeAfter;
        // A recovery trigger's scheduled time is when the dead node fired the job; otherwise the firing is now.
        var firedAt = context.Recovering ? scheduled : context.FireTimeUtc;
        var firing = Firings.LatestAtOrBefore(nextAfter, firedAt) ?? scheduled;
        var late = clock.GetUtcNow() - firing > Firings.LateAfter;
        // The firings between the trigger's last run and this one were missed too; they are listed, not run.
        IReadOnlyList<DateTimeOffset> missed = late && !context.Recovering
            ? Firings.Between(nextAfter, context.PreviousFireTimeUtc ?? trigger.StartTimeUtc.AddTicks(-1), firing)
            : [];
        return new FiringTime(firing.UtcDateTime, late, missed);
    }
}
