using DeepDive.Domain.Grading;
using DeepDive.Domain.ReAudits;
using DeepDive.Engine.DeepDives;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>Records each re-audited case as improved, same or worse beside its first finding.</summary>
public sealed class CompareReAuditsStep(StepWrites stepWrites, DeepDiveStore deepDives) : DomainStep(stepWrites)
{
    protected override async Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (AuditRoundData)context.Workflow.Data;
        var pairs = await deepDives.ReAuditPairsAsync(data.RoundId, cancellationToken);
        var comparisons = pairs
            .Where(p => GradingScale.TryParse(p.Grade, out _) && GradingScale.TryParse(p.FirstGrade, out _))
            .Select(p =>
            {
                GradingScale.TryParse(p.Grade, out var now);
                GradingScale.TryParse(p.FirstGrade, out var first);
                return (p.DeepDiveId, ReAuditComparison.Name(ReAuditComparison.Compare(first, now)));
            }).ToList();
        batch.Write((c, t, ct) => DeepDiveStore.CompareAsync(c, t, comparisons, ct));
        return ExecutionResult.Next();
    }
}
