using DeepDive.Engine.Scheduling;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DeepDive.Engine.Notifications;

/// <summary>
/// Chases the tasks whose reminder or escalation is due, wakes the outbox, and sleeps until the next occasion. A run
/// that fails is recorded as a failed job and tried again after <see cref="RetryAfter"/>: the job always plans its next wake-up.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ChaseJob(TaskChasing chasing, ChaseScheduler scheduler, OutboxDispatcher dispatcher, ILogger<ChaseJob> logger) : IJob
{
    /// <summary>How long after a failed run the chase runs again (engine time).</summary>
    public static readonly TimeSpan RetryAfter = WakeUpTrigger.RetryAfter;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await scheduler.Trigger.RunAsync("Chasing tasks", async ct =>
        {
            var outcome = await chasing.ChaseAsync(ct);
            if (outcome.Reminders + outcome.Escalations > 0)
            {
                dispatcher.Wake();
            }

            return outcome.Next;
        }, logger, cancellationToken);
}
