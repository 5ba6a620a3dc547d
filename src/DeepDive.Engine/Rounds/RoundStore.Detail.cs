using Dapper;

namespace DeepDive.Engine.Rounds;

/// <summary>What a manager reads at the top of a round's page: when it was due and opened, why it moved or was late, and its state.</summary>
public sealed record RoundDetail(
    string RoundId,
    string CycleId,
    string CycleName,
    string Kind,
    string Status,
    DateTime ScheduledForUtc,
    DateTime StartedUtc,
    DateTime? ClosedUtc,
    DateTime? MovedFromUtc,
    string? MoveReason,
    bool Late,
    string? StartNote,
    string? DrawNote,
    string? ParentRoundId,
    string? LockedBy,
    DateTime? LockedUtc);

public sealed partial class RoundStore
{
    private sealed class DetailRow
    {
        public string RoundId { get; set; } = "";
        public string CycleId { get; set; } = "";
        public string CycleJson { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Status { get; set; } = "";
        public DateTime ScheduledForUtc { get; set; }
        public DateTime StartedUtc { get; set; }
        public DateTime? ClosedUtc { get; set; }
        public DateTime? MovedFromUtc { get; set; }
        public string? MoveReason { get; set; }
        public int Late { get; set; }
        public string? StartNote { get; set; }
        public string? Note { get; set; }
        public string? ParentRoundId { get; set; }
        public string? LockedBy { get; set; }
        public DateTime? LockedUtc { get; set; }
    }

    /// <summary>A round of the partnership, or null when the partnership has no such round.</summary>
    public async Task<RoundDetail?> DetailAsync(string partnershipId, string roundId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<DetailRow>(new CommandDefinition("""
            SELECT round_id AS RoundId, cycle_id AS CycleId, cycle_json AS CycleJson, kind AS Kind, status AS Status,
                   scheduled_for_utc AS ScheduledForUtc, started_utc AS StartedUtc, closed_utc AS ClosedUtc,
                   moved_from_utc AS MovedFromUtc, move_reason AS MoveReason, late AS Late, start_note AS StartNote, note AS Note,
                   parent_round_id AS ParentRoundId, locked_by AS LockedBy, locked_utc AS LockedUtc
            FROM audit_round WHERE partnership_id = @PartnershipId AND round_id = @RoundId
            """, new { PartnershipId = partnershipId, RoundId = roundId }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new RoundDetail(row.RoundId, row.CycleId, Cycles.CycleFile.ReadStored(row.CycleJson).Name, row.Kind, row.Status, row.ScheduledForUtc,
                row.StartedUtc, row.ClosedUtc, row.MovedFromUtc, row.MoveReason, row.Late != 0, row.StartNote, row.Note, row.ParentRoundId,
                row.LockedBy, row.LockedUtc);
    }
}
