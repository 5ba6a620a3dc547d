using System.Data.Common;
using System.Text.Json;
using Dapper;
using DeepDive.Domain.Grading;
using DeepDive.Domain.Learning;
using DeepDive.Engine.Workflows.Data;

namespace DeepDive.Engine.Learning;

/// <summary>What a closing round's brief and feedback are written from, and their writing, in the step's transaction.</summary>
public sealed partial class LearningStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed class FindingRow
    {
        public string CaseRef { get; set; } = "";
        public string? School { get; set; }
        public string? OverallGrade { get; set; }
        public int NeedsWork { get; set; }
        public string? AnswersJson { get; set; }
    }

    /// <summary>Each deep dive of the round, by case, with its overall grade and its auditors' answers gathered.</summary>
    public async Task<IReadOnlyList<Finding>> FindingsAsync(string roundId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT d.case_ref AS CaseRef, c.school AS School, d.overall_grade AS OverallGrade, d.needs_work AS NeedsWork, t.answers_json AS AnswersJson
            FROM deep_dive d
            JOIN case_record c ON c.partnership_id = d.partnership_id AND c.case_ref = d.case_ref
            LEFT JOIN audit_task t ON t.deep_dive_id = d.deep_dive_id
            WHERE d.round_id = @RoundId
            ORDER BY d.case_ref
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<FindingRow>(new CommandDefinition(sql, new { RoundId = roundId }, cancellationToken: cancellationToken))).ToList();
        return rows.GroupBy(r => r.CaseRef).Select(g =>
        {
            var answers = g.Where(r => r.AnswersJson is not null).Select(r => JsonSerializer.Deserialize<TaskSubmission>(r.AnswersJson!, Json)!).ToList();
            GradingScale.TryParse(g.First().OverallGrade, out var overall);
            return new Finding(g.Key, g.First().School, overall, g.First().NeedsWork != 0,
                answers.SelectMany(a => a.GoodPractice).ToList(),
                answers.SelectMany(a => a.AreasForDevelopment).ToList(),
                answers.SelectMany(a => a.Recommendations).ToList());
        }).ToList();
    }

    /// <summary>Writes (or rewrites, should the step run again) the round's brief and each school's feedback.</summary>
    public async Task WriteAsync(DbConnection connection, DbTransaction transaction, string partnershipId, string roundId, string title, string body,
        IReadOnlyDictionary<string, string> feedback, DateTime createdUtc, CancellationToken cancellationToken)
    {
        var insertBrief = database.Dialect.Upsert("learning_brief", ["round_id"], ["partnership_id", "title", "body", "created_utc"]);
        await connection.ExecuteAsync(new CommandDefinition(insertBrief,
            new { RoundId = roundId, PartnershipId = partnershipId, Title = title, Body = body, CreatedUtc = createdUtc }, transaction, cancellationToken: cancellationToken));
        var insertFeedback = database.Dialect.Upsert("school_feedback", ["round_id", "school"], ["partnership_id", "body", "created_utc"]);
        await connection.ExecuteAsync(new CommandDefinition(insertFeedback,
            feedback.Select(f => new { RoundId = roundId, School = f.Key, PartnershipId = partnershipId, Body = f.Value, CreatedUtc = createdUtc }).ToList(),
            transaction, cancellationToken: cancellationToken));
    }
}
