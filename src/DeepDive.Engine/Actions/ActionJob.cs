using DeepDive.Engine.Notifications;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DeepDive.Engine.Actions;

/// <summary>
/// Runs <see cref="ActionFollowUp"/>, wakes the outbox, and sleeps until the next occasion. A run that fails is recorded
/// as a failed job (JobTracker) and tried again five minutes later: the job always plans its next wake-up.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ActionJob(ActionFollowUp followUp, ActionScheduler scheduler, OutboxDispatcher dispatcher, ILogger<ActionJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await scheduler.Trigger.RunAsync("Following up actions", async ct =>
        {
            var outcome = await followUp.RunAsync(ct);
            if (outcome.TurnedRed + outcome.Escalations + outcome.UpdateRequests > 0)
            {
                logger.LogInformation("Actions followed up: {Red} turned red, {Escalations} escalated, {Requests} update requests",
                    outcome.TurnedRed, outcome.Escalations, outcome.UpdateRequests);
                dispatcher.Wake();
            }

            return outcome.Next;
        }, logger, cancellationToken);
}
