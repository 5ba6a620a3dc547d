using DeepDive.Domain.Grading;
using DeepDive.Domain.ReAudits;
using DeepDive.Engine.DeepDives;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>Grades the deep dive from its single-agency audits and decides whether it needs work.</summary>
public sealed class GradeStep(StepWrites stepWrites, RoundStore rounds) : DomainStep(stepWrites)
{
    protected override async Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (DeepDiveData)context.Workflow.Data;
        var grades = data.Tasks
            .Select(t => GradingScale.TryParse(t.Grade, out var g) ? g : (Grade?)null)
            .OfType<Grade>()
            .ToList();
        if (grades.Count == 0)
        {
            throw new InvalidOperationException($"Deep dive {data.DeepDiveId} has no graded single-agency audit.");
        }

        var overall = GradingScale.Overall(grades);
        var grade = GradingScale.Name(overall);
        data.OverallGrade = grade;
        // Which grades need work is the cycle's re-audit rule, as the round's own copy of the cycle has it.
        var round = await rounds.GetAsync(data.RoundId, cancellationToken);
        data.NeedsWork = ReAuditPlanner.NeedsWork(overall, round.Cycle.ReAudit);
        batch.Write((c, t, ct) => DeepDiveStore.GradeAsync(c, t, data.DeepDiveId, grade, data.NeedsWork, ct));
        return ExecutionResult.Next();
    }
}
