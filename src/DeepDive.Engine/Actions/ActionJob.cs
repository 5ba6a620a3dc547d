using DeepDive.Engine.Notifications;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DeepDive.Engine.Actions;

/// <summary>
/// Runs <see cref="ActionFollowUp"/>, wakes the outbox, and sleeps until the next occasion. A run that fails is recorded
/// as a failed job (JobTracker) and tried again after <see cref="RetryAfter"/>: the job always plans its next wake-up.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ActionJob(ActionFollowUp followUp, ActionScheduler scheduler, OutboxDispatcher dispatcher, TimeProvider clock, ILogger<ActionJob> logger) : IJob
{
    /// <summary>How long after a failed run the follow-up runs again (engine time).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ActionFollowUp.Outcome outcome;
        try
        {
            outcome = await followUp.RunAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var retryAt = clock.GetUtcNow() + RetryAfter;
            logger.LogError(e, "Following up actions failed; trying again at {RetryAt:u}: {Error}", retryAt, e.Message);
            await scheduler.EnsureByAsync(retryAt, CancellationToken.None, replace: true);
            throw new JobExecutionException(e.Message, e);
        }

        if (outcome.TurnedRed + outcome.Escalations + outcome.UpdateRequests > 0)
        {
            logger.LogInformation("Actions followed up: {Red} turned red, {Escalations} escalated, {Requests} update requests",
                outcome.TurnedRed, outcome.Escalations, outcome.UpdateRequests);
            dispatcher.Wake();
        }

        await scheduler.NextAsync(outcome.Next, cancellationToken);
    }
}
