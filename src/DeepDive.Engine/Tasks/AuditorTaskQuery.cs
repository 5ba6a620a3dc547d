using System.Text.Json;
using Dapper;
using DeepDive.Domain.Assignment;
using DeepDive.Domain.Cycles;
using DeepDive.Domain.Rounds;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;

namespace DeepDive.Engine.Tasks;

/// <summary>
/// Deep-dive tasks as the people who complete them see them: a page of to-do or submitted tasks, and one task with its
/// case, round and answers. A task counts as submitted from the moment its submission is stored, before the engine has
/// moved its workflow on. Who may see which task is the caller's to decide (it passes the auditor and whether closed
/// rounds count); every read is of one partnership.
/// </summary>
public sealed class AuditorTaskQuery(Database database, WorkflowJson workflowJson)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Which tasks a list holds: of one auditor or all, open rounds only or all rounds, to do or submitted.</summary>
    public sealed record Filter(string PartnershipId, string? AuditorId, bool OpenRoundsOnly, bool Submitted);

    public sealed class Row
    {
        public string TaskId { get; set; } = "";
        public string CaseRef { get; set; } = "";
        public string Agency { get; set; } = "";
        public string? AuditorId { get; set; }
        public string? AuditorName { get; set; }
        public string Status { get; set; } = "";
        public DateTime DueUtc { get; set; }
        public DateTime? SubmittedUtc { get; set; }
        public string RoundId { get; set; } = "";
        public string CycleName { get; set; } = "";
        public string? Theme { get; set; }
        public bool HasDraft { get; set; }

        /// <summary>Submitted: recorded on the task, or stored as the task's event and not yet taken by the engine.</summary>
        public bool Submitted { get; set; }
    }

    public sealed record Page(IReadOnlyList<Row> Rows, int Total);

    /// <summary>One task with its case (from the case register), its round (and the copy of the cycle it keeps) and its auditor.</summary>
    public sealed class Detail
    {
        public string TaskId { get; set; } = "";
        public string DeepDiveId { get; set; } = "";
        public string CaseRef { get; set; } = "";
        public string Agency { get; set; } = "";
        public string? AuditorId { get; set; }
        public string? AuditorName { get; set; }
        public string Status { get; set; } = "";
        public DateTime OpenedUtc { get; set; }
        public DateTime DueUtc { get; set; }
        public DateTime? SubmittedUtc { get; set; }
        public bool Late { get; set; }
        public string? AnswersJson { get; set; }
        public string RoundId { get; set; } = "";
        public string RoundStatus { get; set; } = "";
        public string CycleJson { get; set; } = "";

        /// <summary>The round's copy of its cycle (name, theme, audit tool), read from <see cref="CycleJson"/>.</summary>
        public CycleDefinition Cycle { get; set; } = null!;
        public string? CaseType { get; set; }
        public string? Team { get; set; }
        public string? School { get; set; }
        public DateTime? CaseOpenedOn { get; set; }
        public bool Submitted { get; set; }

        public bool RoundClosed => RoundStatus == Domain.Rounds.RoundStatus.Closed;
    }

    private const string SentEvent = "EXISTS (SELECT 1 FROM wf_event e WHERE e.event_name = @EventName AND e.event_key = t.task_id)";

    private const string From = $"""
        FROM audit_task t
        JOIN audit_round r ON r.round_id = t.round_id
        LEFT JOIN cycle c ON c.partnership_id = r.partnership_id AND c.cycle_id = r.cycle_id
        LEFT JOIN auditor a ON a.partnership_id = t.partnership_id AND a.auditor_id = t.auditor_id
        LEFT JOIN task_draft d ON d.partnership_id = t.partnership_id AND d.task_id = t.task_id
        WHERE t.partnership_id = @PartnershipId
          AND (@AuditorId IS NULL OR t.auditor_id = @AuditorId)
          AND (@OpenRoundsOnly = 0 OR r.status <> @Closed)
          AND (CASE WHEN t.status = @SubmittedStatus OR {SentEvent} THEN 1 ELSE 0 END) = @Submitted
        """;

    private const string ListSql = $"""
        SELECT t.task_id AS TaskId, t.case_ref AS CaseRef, t.agency AS Agency, t.auditor_id AS AuditorId, a.name AS AuditorName,
               t.status AS Status, t.due_utc AS DueUtc, t.submitted_utc AS SubmittedUtc, t.round_id AS RoundId,
               COALESCE(c.name, r.cycle_id) AS CycleName, c.theme AS Theme,
               CASE WHEN d.task_id IS NULL THEN 0 ELSE 1 END AS HasDraft, @Submitted AS Submitted
        {From}
        """;

    /// <summary>
    /// Tasks to do in due-date order (so the overdue come first, then the due soon, then the rest), or submitted tasks,
    /// the latest first; <paramref name="take"/> of them after the first <paramref name="skip"/>, with how many there are.
    /// </summary>
    public async Task<Page> ListAsync(Filter filter, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var order = filter.Submitted
            ? "ORDER BY CASE WHEN t.submitted_utc IS NULL THEN 0 ELSE 1 END, t.submitted_utc DESC, t.task_id"
            : "ORDER BY t.due_utc, t.task_id";
        var parameters = new
        {
            filter.PartnershipId,
            filter.AuditorId,
            OpenRoundsOnly = filter.OpenRoundsOnly ? 1 : 0,
            Closed = RoundStatus.Closed,
            SubmittedStatus = AuditTaskStatus.Submitted,
            EventName = WorkflowEvents.TaskSubmitted,
            Submitted = filter.Submitted ? 1 : 0,
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition($"SELECT COUNT(*) {From}", parameters, cancellationToken: cancellationToken));
        if (total <= skip)
        {
            return new Page([], total);
        }

        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            database.Dialect.Top($"{ListSql}\n{order}", skip + take), parameters, cancellationToken: cancellationToken));
        return new Page([.. rows.Skip(skip)], total);
    }

    /// <summary>The partnership's task <paramref name="taskId"/>, or null when it has none.</summary>
    public async Task<Detail?> GetAsync(string partnershipId, string taskId, CancellationToken cancellationToken)
    {
        const string sql = $"""
            SELECT t.task_id AS TaskId, t.deep_dive_id AS DeepDiveId, t.case_ref AS CaseRef, t.agency AS Agency, t.auditor_id AS AuditorId,
                   a.name AS AuditorName, t.status AS Status, t.opened_utc AS OpenedUtc, t.due_utc AS DueUtc, t.submitted_utc AS SubmittedUtc,
                   t.late AS Late, t.answers_json AS AnswersJson, t.round_id AS RoundId, r.status AS RoundStatus, r.cycle_json AS CycleJson,
                   k.case_type AS CaseType, k.team AS Team, k.school AS School, k.opened_on AS CaseOpenedOn,
                   CASE WHEN t.status = @SubmittedStatus OR {SentEvent} THEN 1 ELSE 0 END AS Submitted
              FROM audit_task t
              JOIN audit_round r ON r.round_id = t.round_id
              LEFT JOIN auditor a ON a.partnership_id = t.partnership_id AND a.auditor_id = t.auditor_id
              LEFT JOIN case_record k ON k.partnership_id = t.partnership_id AND k.case_ref = t.case_ref
             WHERE t.partnership_id = @PartnershipId AND t.task_id = @TaskId
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var task = await connection.QuerySingleOrDefaultAsync<Detail>(new CommandDefinition(sql, new
        {
            PartnershipId = partnershipId,
            TaskId = taskId,
            SubmittedStatus = AuditTaskStatus.Submitted,
            EventName = WorkflowEvents.TaskSubmitted,
        }, cancellationToken: cancellationToken));
        if (task is not null)
        {
            task.Cycle = CycleFile.ReadStored(task.CycleJson);
        }

        return task;
    }

    /// <summary>
    /// The answers a submitted task was given: as recorded on the task, or, while the engine has not yet taken the
    /// submission, as stored in its event. Null for a task not submitted.
    /// </summary>
    public async Task<TaskSubmission?> SubmittedAnswersAsync(Detail task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.AnswersJson is { Length: > 0 } recorded)
        {
            return JsonSerializer.Deserialize<TaskSubmission>(recorded, Json);
        }

        if (!task.Submitted)
        {
            return null;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var data = await connection.QueryFirstOrDefaultAsync<string?>(new CommandDefinition(
            database.Dialect.Top("SELECT data_json FROM wf_event WHERE event_name = @EventName AND event_key = @TaskId ORDER BY event_time", 1),
            new { EventName = WorkflowEvents.TaskSubmitted, task.TaskId }, cancellationToken: cancellationToken));
        return workflowJson.Read(data) as TaskSubmission;
    }
}
