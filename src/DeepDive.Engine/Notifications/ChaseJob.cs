using Quartz;

namespace DeepDive.Engine.Notifications;

/// <summary>Chases the tasks whose reminder or escalation is due, wakes the outbox, and sleeps until the next occasion.</summary>
[DisallowConcurrentExecution]
public sealed class ChaseJob(TaskChasing chasing, ChaseScheduler scheduler, OutboxDispatcher dispatcher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var outcome = await chasing.ChaseAsync(cancellationToken);
        if (outcome.Reminders + outcome.Escalations > 0)
        {
            dispatcher.Wake();
        }

        await scheduler.NextAsync(outcome.Next, cancellationToken);
    }
}
