using Quartz;

namespace DeepDive.Engine.Actions;

/// <summary>
/// Keeps one Quartz one-off trigger for <see cref="ActionJob"/> at the next moment an action must be followed up. Asking
/// for a time never moves an earlier trigger later. A change to an action (a new one, a due date moved, a recovery plan
/// removed) asks for a run now, and the run plans the next.
/// </summary>
public sealed class ActionScheduler(ISchedulerFactory schedulers, TimeProvider clock)
{
    public static readonly JobKey Job = new("follow-up-actions", "system");

    /// <summary>A run as soon as the engine can: it works out again what is due and when.</summary>
    public Task WakeAsync(CancellationToken cancellationToken) => EnsureByAsync(clock.GetUtcNow(), cancellationToken);

    public async Task EnsureByAsync(DateTimeOffset at, CancellationToken cancellationToken, bool replace = false)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var triggerKey = new TriggerKey(Job.Name, Job.Group);
        if (!replace && await scheduler.GetTrigger(triggerKey, cancellationToken) is { } existing
            && existing.NextFireTimeUtc is { } next && next <= at)
        {
            return;
        }

        var job = JobBuilder.Create<ActionJob>().WithIdentity(Job).StoreDurably().Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(triggerKey)
            .ForJob(Job)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    /// <summary>After a run: the trigger moves to the next occasion, or goes when no action is open.</summary>
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
