using DeepDive.Domain.Learning;
using DeepDive.Engine.Learning;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>Turns a round's graded deep dives into its learning brief and, for education audits, each school's feedback.</summary>
public sealed class SummariseRoundStep(StepWrites stepWrites, RoundStore rounds, LearningStore learning, TimeProvider clock) : DomainStep(stepWrites)
{
    protected override async Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (AuditRoundData)context.Workflow.Data;
        var round = await rounds.GetAsync(data.RoundId, cancellationToken);
        var findings = await learning.FindingsAsync(round.RoundId, cancellationToken);
        data.NeedsWorkCount = findings.Count(f => f.NeedsWork);
        var now = clock.GetUtcNow().UtcDateTime;
        var name = round.Kind == RoundKinds.ReAudit ? $"Re-audit of {round.Cycle.Name}" : round.Cycle.Name;
        var (title, body) = LearningBriefWriter.Write(name, round.Cycle.Theme, round.StartedUtc, findings);
        var feedback = round.Cycle.Education && round.Kind != RoundKinds.ReAudit
            ? SchoolFeedbackWriter.Write(round.Cycle.Name, findings)
            : new Dictionary<string, string>();
        batch.Write((c, t, ct) => learning.WriteAsync(c, t, round.PartnershipId, round.RoundId, title, body, feedback, now, ct));
        return ExecutionResult.Next();
    }
}
