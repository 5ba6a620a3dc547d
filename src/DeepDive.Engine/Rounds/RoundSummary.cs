using Dapper;
using DeepDive.Domain.Assignment;
using DeepDive.Engine.Assignment;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Rounds;

/// <summary>What a manager sees of a round: its cycle, state, how its tasks stand, and which tasks have no auditor and why.</summary>
public sealed record RoundSummary(
    string RoundId,
    string CycleId,
    string Kind,
    string Status,
    DateTime StartedUtc,
    DateTime? ClosedUtc,
    int Cases,
    int Tasks,
    int TasksAssigned,
    int TasksSubmitted,
    int TasksUnassigned,
    IReadOnlyList<StoredExplanation> Unassigned)
{
    private sealed class Row
    {
        public string RoundId { get; set; } = "";
        public string CycleId { get; set; } = "";
        public string Kind { get; set; } = "";
        public string Status { get; set; } = "";
        public DateTime StartedUtc { get; set; }
        public DateTime? ClosedUtc { get; set; }
    }

    /// <summary>The partnership's rounds, newest first, each with its counts; <paramref name="withUnassigned"/> loads the explanations too.</summary>
    public static async Task<IReadOnlyList<RoundSummary>> ListAsync(
        Database database, string partnershipId, string? roundId, bool withUnassigned, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT round_id AS RoundId, cycle_id AS CycleId, kind AS Kind, status AS Status, started_utc AS StartedUtc, closed_utc AS ClosedUtc
            FROM audit_round
            WHERE partnership_id = @PartnershipId {(roundId is null ? "" : "AND round_id = @RoundId")}
            ORDER BY started_utc DESC, {database.Dialect.Ordinal("round_id")}
            """;
        List<Row> rounds;
        Dictionary<string, (long Cases, long Tasks, long Assigned, long Submitted, long Unassigned)> counts;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            var args = new { PartnershipId = partnershipId, RoundId = roundId };
            rounds = (await connection.QueryAsync<Row>(new CommandDefinition(sql, args, cancellationToken: cancellationToken))).ToList();
            var countSql = $"""
                SELECT r.round_id AS RoundId,
                       (SELECT COUNT(*) FROM deep_dive d WHERE d.round_id = r.round_id) AS Cases,
                       (SELECT COUNT(*) FROM audit_task t WHERE t.round_id = r.round_id) AS Tasks,
                       (SELECT COUNT(*) FROM audit_task t WHERE t.round_id = r.round_id AND t.auditor_id IS NOT NULL) AS Assigned,
                       (SELECT COUNT(*) FROM audit_task t WHERE t.round_id = r.round_id AND t.status = @Submitted) AS Submitted,
                       (SELECT COUNT(*) FROM unassigned_task u WHERE u.round_id = r.round_id) AS Unassigned
                FROM audit_round r
                WHERE r.partnership_id = @PartnershipId {(roundId is null ? "" : "AND r.round_id = @RoundId")}
                """;
            counts = (await connection.QueryAsync<(string RoundId, long Cases, long Tasks, long Assigned, long Submitted, long Unassigned)>(
                    new CommandDefinition(countSql, new { args.PartnershipId, args.RoundId, AuditTaskStatus.Submitted }, cancellationToken: cancellationToken)))
                .ToDictionary(c => c.RoundId, c => (c.Cases, c.Tasks, c.Assigned, c.Submitted, c.Unassigned), StringComparer.Ordinal);
        }

        var store = new UnassignedTaskStore(database);
        var summaries = new List<RoundSummary>();
        foreach (var r in rounds)
        {
            var c = counts.GetValueOrDefault(r.RoundId);
            var unassigned = withUnassigned ? await store.ListAsync(partnershipId, r.RoundId, cancellationToken) : [];
            summaries.Add(new RoundSummary(r.RoundId, r.CycleId, r.Kind, r.Status, r.StartedUtc, r.ClosedUtc,
                (int)c.Cases, (int)c.Tasks, (int)c.Assigned, (int)c.Submitted, (int)c.Unassigned, unassigned));
        }

        return summaries;
    }

    /// <summary>One round's summary with its unassigned tasks; an unknown round is refused with an <see cref="ArgumentException"/>.</summary>
    public static async Task<RoundSummary> GetAsync(Database database, string partnershipId, string roundId, CancellationToken cancellationToken) =>
        (await ListAsync(database, partnershipId, roundId, withUnassigned: true, cancellationToken)).SingleOrDefault()
        ?? throw new ArgumentException($"There is no round '{roundId}' in partnership '{partnershipId}'.");
}
