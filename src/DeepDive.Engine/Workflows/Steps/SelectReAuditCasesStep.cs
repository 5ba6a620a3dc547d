using DeepDive.Engine.DeepDives;
using DeepDive.Engine.ReAudits;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>A re-audit round takes the cases of its source round whose findings needed work.</summary>
public sealed class SelectReAuditCasesStep(StepWrites stepWrites, RoundStore rounds, DeepDiveStore deepDives) : DomainStep(stepWrites)
{
    protected override async Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (AuditRoundData)context.Workflow.Data;
        var round = await rounds.GetAsync(data.RoundId, cancellationToken);
        var source = round.ParentRoundId ?? throw new InvalidOperationException($"Re-audit round {round.RoundId} does not say which round it re-audits.");
        var cases = await deepDives.CasesNeedingWorkAsync(source, cancellationToken);
        data.Cases = [.. cases];
        batch.Write(async (c, t, ct) =>
        {
            await SampleList.InsertReAuditAsync(c, t, round.PartnershipId, round.RoundId, cases, ct);
            await ReAuditStore.StartAsync(c, t, source, round.RoundId, ct);
        });
        return ExecutionResult.Next();
    }
}
