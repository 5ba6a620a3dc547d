using DeepDive.Engine.Scheduling;
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

    private readonly WakeUpTrigger trigger = new(schedulers, Job, typeof(ActionJob), clock);

    /// <summary>A run as soon as the engine can: it works out again what is due and when.</summary>
    public Task WakeAsync(CancellationToken cancellationToken) => trigger.EnsureByAsync(clock.GetUtcNow(), cancellationToken);

    public Task EnsureByAsync(DateTimeOffset at, CancellationToken cancellationToken) => trigger.EnsureByAsync(at, cancellationToken);

    internal WakeUpTrigger Trigger => trigger;
}
