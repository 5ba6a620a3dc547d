using System.Data.Common;
using Dapper;
using DeepDive.Domain.Assignment;

namespace DeepDive.Engine.Tasks;

/// <summary>The <c>audit_task</c> rows the deep-dive workflow writes: opened with their auditor and due date, then submitted.</summary>
public static class AuditTaskStore
{
    /// <summary>A single-agency audit task about to open; with no auditor it opens unassigned, saying why.</summary>
    public sealed record Opening(
        string PartnershipId, string TaskId, string DeepDiveId, string RoundId, string CaseRef, string Agency, string? AuditorId, string? UnassignedReason);

    public static Task OpenAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<Opening> tasks, DateTime openedUtc, DateTime dueUtc,
        CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO audit_task (partnership_id, task_id, deep_dive_id, round_id, case_ref, agency, auditor_id, status, opened_utc, due_utc, late, unassigned_reason)
            VALUES (@PartnershipId, @TaskId, @DeepDiveId, @RoundId, @CaseRef, @Agency, @AuditorId, @Status, @OpenedUtc, @DueUtc, 0, @UnassignedReason)
            """;
        var rows = tasks.Select(t => new
        {
            t.PartnershipId,
            t.TaskId,
            t.DeepDiveId,
            t.RoundId,
            t.CaseRef,
            t.Agency,
            t.AuditorId,
            Status = t.AuditorId is null ? AuditTaskStatus.Unassigned : AuditTaskStatus.Open,
            OpenedUtc = openedUtc,
            DueUtc = dueUtc,
            t.UnassignedReason,
        }).ToList();
        return connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Records a submission on its task: its grade and answers, and whether it came after the due date.</summary>
    public static Task SubmitAsync(DbConnection connection, DbTransaction transaction, string taskId, DateTime submittedUtc, string? grade, string answersJson,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            UPDATE audit_task
            SET status = @Status, submitted_utc = @SubmittedUtc, grade = @Grade, answers_json = @Answers,
                late = CASE WHEN due_utc < @SubmittedUtc THEN 1 ELSE 0 END
            WHERE task_id = @TaskId
            """, new { Status = AuditTaskStatus.Submitted, SubmittedUtc = submittedUtc, Grade = grade, Answers = answersJson, TaskId = taskId },
            transaction, cancellationToken: cancellationToken));
}
