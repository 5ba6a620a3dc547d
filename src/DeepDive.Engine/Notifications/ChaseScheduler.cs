using DeepDive.Engine.Scheduling;
using Quartz;

namespace DeepDive.Engine.Notifications;

/// <summary>
/// Keeps one Quartz one-off trigger for <see cref="ChaseJob"/> at the next moment a task must be chased. Asking for
/// a time never moves an earlier trigger later, so tasks opened at once coalesce into one run.
/// </summary>
public sealed class ChaseScheduler(ISchedulerFactory schedulers, TimeProvider clock)
{
    public static readonly JobKey Job = new("chase-tasks", "system");

    private readonly WakeUpTrigger trigger = new(schedulers, Job, typeof(ChaseJob), clock);

    public Task EnsureByAsync(DateTimeOffset at, CancellationToken cancellationToken, bool replace = false) =>
        trigger.EnsureByAsync(at, cancellationToken, replace);

    /// <summary>After a run: the trigger moves to the next occasion, or goes when no open task has one.</summary>
    public Task NextAsync(DateTimeOffset? at, CancellationToken cancellationToken) => trigger.NextAsync(at, cancellationToken);

    internal WakeUpTrigger Trigger => trigger;
}
