using Dapper;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Cycles;

/// <summary>The cases a cycle's rounds audited, round by round: each deep dive's state, grade, and for a re-audit how it compares with the first.</summary>
public sealed class CycleCasesQuery(Database database)
{
    public sealed class Case
    {
        public string RoundId { get; set; } = "";
        public string CaseRef { get; set; } = "";
        public string Status { get; set; } = "";
        public string? OverallGrade { get; set; }
        public int NeedsWork { get; set; }
        public string? Comparison { get; set; }
    }

    public async Task<IReadOnlyList<Case>> ListAsync(string partnershipId, string cycleId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        var sql = $"""
            SELECT d.round_id AS RoundId, d.case_ref AS CaseRef, d.status AS Status, d.overall_grade AS OverallGrade,
                   d.needs_work AS NeedsWork, d.comparison AS Comparison
            FROM deep_dive d JOIN audit_round r ON r.round_id = d.round_id
            WHERE r.partnership_id = @PartnershipId AND r.cycle_id = @CycleId
            ORDER BY r.scheduled_for_utc, r.started_utc, d.round_id, {database.Dialect.Ordinal("d.case_ref")}
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Case>(new CommandDefinition(sql, new { PartnershipId = partnershipId, CycleId = cycleId }, cancellationToken: cancellationToken));
        return [.. rows];
    }
}
