using Dapper;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Cycles;

/// <summary>
/// A cycle at a glance: its status and history, its rounds (scheduled-for against started, late ones marked), and
/// its re-audits with their results rolled up (improved / same / worse), and the firings that opened no round.
/// </summary>
public sealed record CycleReport(
    CycleEntry Cycle,
    IReadOnlyList<CycleEvent> History,
    IReadOnlyList<CycleReport.Round> Rounds,
    IReadOnlyList<CycleReport.ReAudit> ReAudits,
    IReadOnlyList<FiringFailures.FailedFiring> FailedFirings)
{
    public sealed class Round
    {
        public string RoundId { get; set; } = "";
        public string Kind { get; set; } = "";
        public DateTime ScheduledForUtc { get; set; }
        public DateTime StartedUtc { get; set; }
        public DateTime? ClosedUtc { get; set; }
        public string Status { get; set; } = "";
        public int Late { get; set; }
        public string? Note { get; set; }
        public string? OpenedBy { get; set; }
        public int Cases { get; set; }
        public int NeedsWork { get; set; }
    }

    public sealed class ReAudit
    {
        public string SourceRoundId { get; set; } = "";
        public DateTime DueUtc { get; set; }
        public string Status { get; set; } = "";
        public string? Note { get; set; }
        public string? ReAuditRoundId { get; set; }
        public int Improved { get; set; }
        public int Same { get; set; }
        public int Worse { get; set; }
    }

    /// <summary>The status shown for rounds whose cycle was never stored (rapid rounds run from a file).</summary>
    public const string OneOff = "not stored: rapid rounds from a file";

    public int Improved => ReAudits.Sum(r => r.Improved);
    public int Same => ReAudits.Sum(r => r.Same);
    public int Worse => ReAudits.Sum(r => r.Worse);

    public static async Task<CycleReport?> LoadAsync(Database database, TimeProvider clock, string partnershipId, string cycleId, CancellationToken cancellationToken)
    {
        var store = new CycleStore(database, clock);
        var entry = await store.GetEntryAsync(partnershipId, cycleId, cancellationToken);
        var history = await store.HistoryAsync(partnershipId, cycleId, cancellationToken);
        var arguments = new { PartnershipId = partnershipId, CycleId = cycleId };
        await using var connection = await database.OpenAsync(cancellationToken);
        if (entry is null)
        {
            // A rapid round run from a file stores no cycle: report its rounds under the copy the latest one kept.
            var latest = await connection.QueryFirstOrDefaultAsync<(string CycleJson, DateTime StartedUtc)?>(new CommandDefinition(
                "SELECT cycle_json, started_utc FROM audit_round WHERE partnership_id = @PartnershipId AND cycle_id = @CycleId ORDER BY started_utc DESC",
                arguments, cancellationToken: cancellationToken));
            if (latest is not { } round)
            {
                return null;
            }

            entry = new CycleEntry(CycleFile.ReadStored(round.CycleJson), OneOff, null, null, round.StartedUtc, round.StartedUtc);
        }

        var rounds = await connection.QueryAsync<Round>(new CommandDefinition("""
            SELECT r.round_id AS RoundId, r.kind AS Kind, r.scheduled_for_utc AS ScheduledForUtc, r.started_utc AS StartedUtc,
                   r.closed_utc AS ClosedUtc, r.status AS Status, r.late AS Late, r.start_note AS Note, r.opened_by AS OpenedBy,
                   (SELECT COUNT(*) FROM deep_dive d WHERE d.round_id = r.round_id) AS Cases,
                   (SELECT COUNT(*) FROM deep_dive d WHERE d.round_id = r.round_id AND d.needs_work = 1) AS NeedsWork
            FROM audit_round r
            WHERE r.partnership_id = @PartnershipId AND r.cycle_id = @CycleId
            ORDER BY r.scheduled_for_utc, r.started_utc, r.round_id
            """, arguments, cancellationToken: cancellationToken));
        var reAudits = await connection.QueryAsync<ReAudit>(new CommandDefinition("""
            SELECT a.source_round_id AS SourceRoundId, a.due_utc AS DueUtc, a.status AS Status, a.note AS Note, a.re_audit_round_id AS ReAuditRoundId,
                   (SELECT COUNT(*) FROM deep_dive d WHERE d.round_id = a.re_audit_round_id AND d.comparison = 'improved') AS Improved,
                   (SELECT COUNT(*) FROM deep_dive d WHERE d.round_id = a.re_audit_round_id AND d.comparison = 'same') AS Same,
                   (SELECT COUNT(*) FROM deep_dive d WHERE d.round_id = a.re_audit_round_id AND d.comparison = 'worse') AS Worse
            FROM re_audit a JOIN audit_round s ON s.round_id = a.source_round_id
            WHERE a.partnership_id = @PartnershipId AND s.cycle_id = @CycleId
            ORDER BY a.due_utc, a.source_round_id
            """, arguments, cancellationToken: cancellationToken));
        var failed = await FiringFailures.FailedFirings.ListAsync(connection, partnershipId, cycleId, openOnly: false, cancellationToken);
        return new CycleReport(entry, history, rounds.ToList(), reAudits.ToList(), failed);
    }
}
