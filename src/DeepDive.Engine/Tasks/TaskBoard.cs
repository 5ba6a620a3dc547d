using Dapper;
using DeepDive.Domain.Assignment;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;

namespace DeepDive.Engine.Tasks;

/// <summary>What an auditor sees and does: their deep-dive tasks, and submitting the audit tool for one.</summary>
public sealed class TaskBoard(Database database, EventPublisher events, TimeProvider clock)
{
    public sealed class TaskView
    {
        public string TaskId { get; set; } = "";
        public string CaseRef { get; set; } = "";
        public string Agency { get; set; } = "";
        public string? AuditorId { get; set; }
        public string Status { get; set; } = "";
        public DateTime DueUtc { get; set; }
        public DateTime? SubmittedUtc { get; set; }
        public string? Grade { get; set; }
        public int Late { get; set; }
        public string? UnassignedReason { get; set; }
    }

    private const string Columns = """
        task_id AS TaskId, case_ref AS CaseRef, agency AS Agency, auditor_id AS AuditorId, status AS Status, due_utc AS DueUtc,
        submitted_utc AS SubmittedUtc, grade AS Grade, late AS Late, unassigned_reason AS UnassignedReason
        """;

    public async Task<IReadOnlyList<TaskView>> ListAsync(string partnershipId, string? auditorId, bool openOnly, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT {Columns} FROM audit_task
            WHERE partnership_id = @PartnershipId
              AND (@AuditorId IS NULL OR auditor_id = @AuditorId)
              AND (@OpenOnly = 0 OR status IN (@Open, @Unassigned))
            ORDER BY due_utc, task_id
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<TaskView>(new CommandDefinition(sql,
            new { PartnershipId = partnershipId, AuditorId = auditorId, OpenOnly = openOnly ? 1 : 0, AuditTaskStatus.Open, AuditTaskStatus.Unassigned }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// Records a submission as the task's event, which moves the deep-dive workflow at once when the engine runs in this
    /// process, and at the engine's next poll when it runs in another. A task
    /// takes one submission: a second one, or one for a task that is not open, is refused.
    /// </summary>
    public Task SubmitAsync(string partnershipId, string taskId, string submittedBy, TaskSubmission submission, CancellationToken cancellationToken) =>
        SubmitAsync(partnershipId, taskId, submittedBy, submission, alsoWrite: null, cancellationToken);

    /// <summary>
    /// <see cref="SubmitAsync(string, string, string, TaskSubmission, CancellationToken)"/>, with <paramref name="alsoWrite"/> (such
    /// as the access log's entry) in the submission's transaction. The task's draft, if any, goes in the same transaction.
    /// </summary>
    public async Task SubmitAsync(string partnershipId, string taskId, string submittedBy, TaskSubmission submission, DomainWrite? alsoWrite,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        submission.TaskId = taskId;
        submission.SubmittedBy = submittedBy;
        submission.SubmittedUtc = now;
        var eventId = await database.InTransactionAsync(async (connection, transaction) =>
        {
            var task = await connection.QuerySingleOrDefaultAsync<TaskView>(new CommandDefinition(
                $"SELECT {Columns} FROM audit_task WHERE partnership_id = @PartnershipId AND task_id = @TaskId",
                new { PartnershipId = partnershipId, TaskId = taskId }, transaction, cancellationToken: cancellationToken))
                ?? throw new TaskRefusedException($"There is no task '{taskId}'.");
            if (!AuditTaskStatus.Waiting(task.Status))
            {
                throw new TaskRefusedException($"Task '{taskId}' is {task.Status}; it cannot take another submission.");
            }

            if (task.AuditorId is not null && !string.Equals(task.AuditorId, submittedBy, StringComparison.OrdinalIgnoreCase))
            {
                throw new TaskRefusedException($"Task '{taskId}' is assigned to {task.AuditorId}, not {submittedBy}.");
            }

            if (await events.CountAsync(connection, transaction, WorkflowEvents.TaskSubmitted, taskId, cancellationToken) > 0)
            {
                throw new TaskRefusedException($"Task '{taskId}' was already submitted; the deep dive takes it when the engine next runs.");
            }

            await TaskDraftStore.DeleteAsync(connection, transaction, partnershipId, taskId, cancellationToken);
            if (alsoWrite is not null)
            {
                await alsoWrite(connection, transaction, cancellationToken);
            }

            return await events.WriteAsync(connection, transaction, WorkflowEvents.TaskSubmitted, taskId, submission, now, cancellationToken);
        }, cancellationToken);
        await events.WakeAsync(eventId);
    }
}

public sealed class TaskRefusedException(string message) : Exception(message);
