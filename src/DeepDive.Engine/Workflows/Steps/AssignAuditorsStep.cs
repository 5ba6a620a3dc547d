using DeepDive.Engine.Assignment;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>Plans one task per case and involved agency, gives each an eligible auditor, and records why any task got none.</summary>
public sealed class AssignAuditorsStep(StepWrites stepWrites, RoundStore rounds, RoundAssignment assignment, TimeProvider clock) : DomainStep(stepWrites)
{
    protected override async Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (AuditRoundData)context.Workflow.Data;
        var round = await rounds.GetAsync(data.RoundId, cancellationToken);
        var outcome = await assignment.PlanAsync(round, data.Cases, cancellationToken);
        data.Plans = outcome.Plans;
        batch.Write(UnassignedTaskStore.Replace(round.PartnershipId, round.RoundId, outcome.Unassigned, clock.GetUtcNow().UtcDateTime));
        return ExecutionResult.Next();
    }
}
