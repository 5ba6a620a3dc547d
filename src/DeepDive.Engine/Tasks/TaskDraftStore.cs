using System.Data.Common;
using System.Text.Json;
using Dapper;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;

namespace DeepDive.Engine.Tasks;

/// <summary>
/// Answers an auditor saved before submitting (<c>task_draft</c>): one draft per task, replaced by each save, kept
/// across sign-outs, and deleted in the transaction that submits the task (<see cref="TaskBoard.SubmitAsync(string, string, string, TaskSubmission, DomainWrite?, CancellationToken)"/>).
/// </summary>
public sealed class TaskDraftStore(Database database, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record Draft(TaskSubmission Answers, string SavedBy, DateTime SavedUtc);

    private sealed class Row
    {
        public string AnswersJson { get; set; } = "";
        public string SavedBy { get; set; } = "";
        public DateTime SavedUtc { get; set; }
    }

    /// <summary>Saves <paramref name="answers"/> as the task's draft, with <paramref name="alsoWrite"/> (such as the access log's entry) in the same transaction; returns when it was saved.</summary>
    public async Task<DateTime> SaveAsync(string partnershipId, string taskId, string savedBy, TaskSubmission answers, DomainWrite? alsoWrite,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sql = database.Dialect.Upsert("task_draft", ["partnership_id", "task_id"], ["answers_json", "saved_by", "saved_utc"]);
        var row = new
        {
            PartnershipId = partnershipId,
            TaskId = taskId,
            AnswersJson = JsonSerializer.Serialize(Answers(answers), Json),
            SavedBy = savedBy,
            SavedUtc = now,
        };
        await database.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, row, transaction, cancellationToken: ct));
            if (alsoWrite is not null)
            {
                await alsoWrite(connection, transaction, ct);
            }
        }, cancellationToken);
        return now;
    }

    public async Task<Draft?> GetAsync(string partnershipId, string taskId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition("""
            SELECT answers_json AS AnswersJson, saved_by AS SavedBy, saved_utc AS SavedUtc
              FROM task_draft WHERE partnership_id = @PartnershipId AND task_id = @TaskId
            """, new { PartnershipId = partnershipId, TaskId = taskId }, cancellationToken: cancellationToken));
        return row is null ? null : new Draft(JsonSerializer.Deserialize<TaskSubmission>(row.AnswersJson, Json) ?? new TaskSubmission(), row.SavedBy, row.SavedUtc);
    }

    /// <summary>Deletes a task's draft in the caller's transaction (its submission's).</summary>
    public static Task DeleteAsync(DbConnection connection, DbTransaction transaction, string partnershipId, string taskId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("DELETE FROM task_draft WHERE partnership_id = @PartnershipId AND task_id = @TaskId",
            new { PartnershipId = partnershipId, TaskId = taskId }, transaction, cancellationToken: cancellationToken));

    /// <summary>Only the answers: who submitted and when belong to the submission, not the draft.</summary>
    private static TaskSubmission Answers(TaskSubmission answers) => new()
    {
        Grade = answers.Grade,
        Sections = answers.Sections,
        GoodPractice = answers.GoodPractice,
        AreasForDevelopment = answers.AreasForDevelopment,
        Recommendations = answers.Recommendations,
        SafeguardingConcern = answers.SafeguardingConcern,
    };
}
