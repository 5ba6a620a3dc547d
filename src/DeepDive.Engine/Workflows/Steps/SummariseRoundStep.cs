using System.Text.Json;
using Dapper;
using DeepDive.Domain.Grading;
using DeepDive.Domain.Learning;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>Turns a round's graded deep dives into its learning brief and, for education audits, each school's feedback.</summary>
public sealed class SummariseRoundStep(StepWrites stepWrites, RoundStore rounds, Database database, TimeProvider clock) : DomainStep(stepWrites)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed class Row
    {
        public string CaseRef { get; set; } = "";
        public string? School { get; set; }
        public string? OverallGrade { get; set; }
        public int NeedsWork { get; set; }
        public string? AnswersJson { get; set; }
    }

    protected override async Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (AuditRoundData)context.Workflow.Data;
        var round = await rounds.GetAsync(data.RoundId, cancellationToken);
        const string sql = """
            SELECT d.case_ref AS CaseRef, c.school AS School, d.overall_grade AS OverallGrade, d.needs_work AS NeedsWork, t.answers_json AS AnswersJson
            FROM deep_dive d
            JOIN case_record c ON c.partnership_id = d.partnership_id AND c.case_ref = d.case_ref
            LEFT JOIN audit_task t ON t.deep_dive_id = d.deep_dive_id
            WHERE d.round_id = @RoundId
            ORDER BY d.case_ref
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(sql, new { round.RoundId }, cancellationToken: cancellationToken))).ToList();
        var findings = rows.GroupBy(r => r.CaseRef).Select(g =>
        {
            var answers = g.Where(r => r.AnswersJson is not null).Select(r => JsonSerializer.Deserialize<TaskSubmission>(r.AnswersJson!, Json)!).ToList();
            GradingScale.TryParse(g.First().OverallGrade, out var overall);
            return new Finding(g.Key, g.First().School, overall, g.First().NeedsWork != 0,
                answers.SelectMany(a => a.GoodPractice).ToList(),
                answers.SelectMany(a => a.AreasForDevelopment).ToList(),
                answers.SelectMany(a => a.Recommendations).ToList());
        }).ToList();

        data.NeedsWorkCount = findings.Count(f => f.NeedsWork);
        var now = clock.GetUtcNow().UtcDateTime;
        var name = round.Kind == RoundKinds.ReAudit ? $"Re-audit of {round.Cycle.Name}" : round.Cycle.Name;
        var (title, body) = LearningBriefWriter.Write(name, round.Cycle.Theme, round.StartedUtc, findings);
        var feedback = round.Cycle.Education && round.Kind != RoundKinds.ReAudit
            ? SchoolFeedbackWriter.Write(round.Cycle.Name, findings)
            : new Dictionary<string, string>();
        batch.Write(async (c, t, ct) =>
        {
            var insertBrief = database.Dialect.Upsert("learning_brief", ["round_id"], ["partnership_id", "title", "body", "created_utc"]);
            await c.ExecuteAsync(new CommandDefinition(insertBrief,
                new { round.RoundId, round.PartnershipId, Title = title, Body = body, CreatedUtc = now }, t, cancellationToken: ct));
            var insertFeedback = database.Dialect.Upsert("school_feedback", ["round_id", "school"], ["partnership_id", "body", "created_utc"]);
            await c.ExecuteAsync(new CommandDefinition(insertFeedback,
                feedback.Select(f => new { round.RoundId, School = f.Key, round.PartnershipId, Body = f.Value, CreatedUtc = now }).ToList(),
                t, cancellationToken: ct));
        });
        return ExecutionResult.Next();
    }
}
