using Microsoft.Extensions.Logging;
using Quartz;

namespace DeepDive.Engine.Notifications;

/// <summary>
/// Chases the tasks whose reminder or escalation is due, wakes the outbox, and sleeps until the next occasion. A run
/// that fails is recorded as a failed job and tried again after <see cref="RetryAfter"/>: the job always plans its next wake-up.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ChaseJob(TaskChasing chasing, ChaseScheduler scheduler, OutboxDispatcher dispatcher, TimeProvider clock, ILogger<ChaseJob> logger) : IJob
{
    /// <summary>How long after a failed run the chase runs again (engine time).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        TaskChasing.Outcome outcome;
        try
        {
            outcome = await chasing.ChaseAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var retryAt = clock.GetUtcNow() + RetryAfter;
            logger.LogError(e, "Chasing tasks failed; trying again at {RetryAt:u}: {Error}", retryAt, e.Message);
            await scheduler.EnsureByAsync(retryAt, CancellationToken.None, replace: true);
            // Failing the run records it (JobTracker) where 'deepdive status' shows it.
            throw new JobExecutionException(e.Message, e);
        }

        if (outcome.Reminders + outcome.Escalations > 0)
        {
            dispatcher.Wake();
        }

        await scheduler.NextAsync(outcome.Next, cancellationToken);
    }
}
