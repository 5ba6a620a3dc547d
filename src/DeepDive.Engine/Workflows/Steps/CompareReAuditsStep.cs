using Dapper;
using DeepDive.Domain.Grading;
using DeepDive.Domain.ReAudits;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>Records each re-audited case as improved, same or worse beside its first finding.</summary>
public sealed class CompareReAuditsStep(StepWrites stepWrites, Database database) : DomainStep(stepWrites)
{
    private sealed class Pair
    {
        public string DeepDiveId { get; set; } = "";
        public string? Grade { get; set; }
        public string? FirstGrade { get; set; }
    }

    protected override async Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (AuditRoundData)context.Workflow.Data;
        const string sql = """
            SELECT d.deep_dive_id AS DeepDiveId, d.overall_grade AS Grade, f.overall_grade AS FirstGrade
            FROM deep_dive d JOIN deep_dive f ON f.deep_dive_id = d.first_deep_dive_id
            WHERE d.round_id = @RoundId
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var pairs = await connection.QueryAsync<Pair>(new CommandDefinition(sql, new { data.RoundId }, cancellationToken: cancellationToken));
        var updates = pairs
            .Where(p => GradingScale.TryParse(p.Grade, out _) && GradingScale.TryParse(p.FirstGrade, out _))
            .Select(p =>
            {
                GradingScale.TryParse(p.Grade, out var now);
                GradingScale.TryParse(p.FirstGrade, out var first);
                return new { p.DeepDiveId, Comparison = ReAuditComparison.Name(ReAuditComparison.Compare(first, now)) };
            }).ToList();
        batch.Write((c, t, ct) => c.ExecuteAsync(new CommandDefinition(
            "UPDATE deep_dive SET comparison = @Comparison WHERE deep_dive_id = @DeepDiveId", updates, t, cancellationToken: ct)));
        return ExecutionResult.Next();
    }
}
