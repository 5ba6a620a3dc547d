using DeepDive.Engine.DeepDives;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>Closes the deep dive and tells its round, with an event stored in the same transaction.</summary>
public sealed class CloseDeepDiveStep(StepWrites stepWrites, WorkflowStarter starter, TimeProvider clock) : DomainStep(stepWrites)
{
    protected override Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (DeepDiveData)context.Workflow.Data;
        var now = clock.GetUtcNow().UtcDateTime;
        batch.Write((c, t, ct) => DeepDiveStore.CloseAsync(c, t, data.DeepDiveId, now, ct));
        var closed = new Event
        {
            Id = Guid.NewGuid().ToString("N"),
            EventName = WorkflowEvents.DeepDiveClosed,
            EventKey = data.DeepDiveId,
            EventData = data.DeepDiveId,
            EventTime = now,
            IsProcessed = false,
        };
        batch.Write(starter.Publish(closed));
        batch.AfterCommit.Add(starter.QueueEvent(closed.Id));
        return Task.FromResult(ExecutionResult.Next());
    }
}
