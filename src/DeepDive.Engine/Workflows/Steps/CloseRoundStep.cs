using Dapper;
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
        batch.Write((c, t, ct) => c.ExecuteAsync(new CommandDefinition(
            "UPDATE audit_round SET status = 'closed', closed_utc = @Now WHERE round_id = @RoundId",
            new { Now = now, data.RoundId }, t, cancellationToken: ct)));
        if (data.Kind == RoundKinds.ReAudit)
        {
            batch.Write((c, t, ct) => c.ExecuteAsync(new CommandDefinition(
                "UPDATE re_audit SET status = 'done' WHERE re_audit_round_id = @RoundId", new { data.RoundId }, t, cancellationToken: ct)));
        }

        return Task.FromResult(ExecutionResult.Next());
    }
}
