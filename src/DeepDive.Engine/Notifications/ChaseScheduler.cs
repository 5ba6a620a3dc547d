using Quartz;

namespace DeepDive.Engine.Notifications;

/// <summary>
/// Keeps one Quartz one-off trigger for <see cref="ChaseJob"/> at the next moment a task must be chased. Asking for
/// a time never moves an earlier trigger later, so tasks opened at once coalesce into one run.
/// </summary>
public sealed class ChaseScheduler(ISchedulerFactory schedulers)
{
    public static readonly JobKey Job = new("chase-tasks", "system");

    public async Task EnsureByAsync(DateTimeOffset at, CancellationToken cancellationToken, bool replace = false)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var triggerKey = new TriggerKey(Job.Name, Job.Group);
        if (!replace && await scheduler.GetTrigger(triggerKey, cancellationToken) is { } existing
            && existing.NextFireTimeUtc is { } next && next <= at)
        {
            return;
        }

        var job = JobBuilder.Create<ChaseJob>().WithIdentity(Job).StoreDurably().Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(triggerKey)
            .ForJob(Job)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    /// <summary>After a run: the trigger moves to the next occasion, or goes when no open task has one.</summary>
    public async Task NextAsync(DateTimeOffset? at, CancellationToken cancellationToken)
    {
        if (at is { } next)
        {
            await EnsureByAsync(next, cancellationToken, replace: true);
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.UnscheduleJob(new TriggerKey(Job.Name, Job.Group), cancellationToken);
    }
}
