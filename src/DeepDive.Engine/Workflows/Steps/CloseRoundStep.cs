using DeepDive.Engine.Actions;
using DeepDive.Engine.ReAudits;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>Closes the round; its auditors' recommendations become proposed actions for a manager to confirm, in the same transaction.</summary>
public sealed class CloseRoundStep(StepWrites stepWrites, RoundStore rounds, ActionStore actions, TimeProvider clock) : DomainStep(stepWrites)
{
    protected override async Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (AuditRoundData)context.Workflow.Data;
        var closed = clock.GetUtcNow();
        var now = closed.UtcDateTime;
        batch.Write((c, t, ct) => RoundStore.CloseAsync(c, t, data.RoundId, now, ct));
        if (data.Kind == RoundKinds.ReAudit)
        {
            batch.Write((c, t, ct) => ReAuditStore.DoneAsync(c, t, data.RoundId, ct));
        }

        var recommendations = await actions.RecommendationsOfRoundAsync(data.RoundId, cancellationToken);
        if (recommendations.Count > 0)
        {
            var round = await rounds.GetAsync(data.RoundId, cancellationToken);
            var proposals = RoundActions.Propose(round.RoundId, recommendations, closed, round.Cycle.Actions.DueAfterMonths);
            batch.Write((c, t, ct) => actions.ProposeAsync(c, t, proposals, ct));
        }

        return ExecutionResult.Next();
    }
}
