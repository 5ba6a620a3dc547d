using DeepDive.Engine.ReAudits;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

public sealed class CloseRoundStep(StepWrites stepWrites, TimeProvider clock) : DomainStep(stepWrites)
{
    protected override Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (AuditRoundData)context.Workflow.Data;
        var now = clock.GetUtcNow().UtcDateTime;
        batch.Write((c, t, ct) => RoundStore.CloseAsync(c, t, data.RoundId, now, ct));
        if (data.Kind == RoundKinds.ReAudit)
        {
            batch.Write((c, t, ct) => ReAuditStore.DoneAsync(c, t, data.RoundId, ct));
        }

        return Task.FromResult(ExecutionResult.Next());
    }
}
