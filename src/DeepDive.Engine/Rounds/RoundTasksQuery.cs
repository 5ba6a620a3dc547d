using Dapper;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Rounds;

/// <summary>A round's single-agency audit tasks for its manager: each with its case, agency, auditor (by name) and due time.</summary>
public sealed class RoundTasksQuery(Database database)
{
    public sealed class Entry
    {
        public string TaskId { get; set; } = "";
        public string CaseRef { get; set; } = "";
        public string Agency { get; set; } = "";
        public string? AuditorId { get; set; }
        public string? AuditorName { get; set; }
        public string Status { get; set; } = "";
        public DateTime DueUtc { get; set; }
        public DateTime? SubmittedUtc { get; set; }
        public string? Grade { get; set; }
        public int Late { get; set; }
    }

    /// <summary>The round's tasks by due time, then case and agency; none for a round of another partnership.</summary>
    public async Task<IReadOnlyList<Entry>> ListAsync(string partnershipId, string roundId, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT t.task_id AS TaskId, t.case_ref AS CaseRef, t.agency AS Agency, t.auditor_id AS AuditorId, a.name AS AuditorName,
                   t.status AS Status, t.due_utc AS DueUtc, t.submitted_utc AS SubmittedUtc, t.grade AS Grade, t.late AS Late
            FROM audit_task t
            LEFT JOIN auditor a ON a.partnership_id = t.partnership_id AND a.auditor_id = t.auditor_id
            WHERE t.partnership_id = @PartnershipId AND t.round_id = @RoundId
            ORDER BY t.due_utc, {database.Dialect.Ordinal("t.case_ref")}, {database.Dialect.Ordinal("t.agency")}
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<Entry>(new CommandDefinition(sql, new { PartnershipId = partnershipId, RoundId = roundId },
            cancellationToken: cancellationToken))];
    }
}
