using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>
/// A step that hands over to domain code and records its writes in a <see cref="StepBatch"/>. The batch
/// commits with the workflow's own state; a step that throws leaves nothing behind.
/// </summary>
public abstract class DomainStep(StepWrites stepWrites) : StepBodyAsync
{
    public sealed override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var batch = new StepBatch();
        var result = await RunAsync(context, batch, context.CancellationToken);
        // A step that completed is journalled; a wait (subscribing, sleeping) is not an execution of the step yet.
        if (result.Proceed && stepWrites.Journal is { } journal)
        {
            batch.Write(journal.Record(context));
        }

        stepWrites.Add(context.Workflow.Id, batch.Writes);
        stepWrites.AddAfterCommit(context.Workflow.Id, batch.AfterCommit);
        return result;
    }

    protected abstract Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken);
}

public sealed class StepBatch
{
    public List<DomainWrite> Writes { get; } = [];
    public List<Func<Task>> AfterCommit { get; } = [];

    public void Write(DomainWrite write) => Writes.Add(write);
}
