using System.Runtime.CompilerServices;
using Dapper;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Rounds;

/// <summary>Reads rounds and the sampling frame they draw from.</summary>
public sealed class RoundStore(Database database)
{
    private sealed class Row
    {
        public string PartnershipId { get; set; } = "";
        public string RoundId { get; set; } = "";
        public string CycleId { get; set; } = "";
        public string Kind { get; set; } = "";
        public DateTime ScheduledForUtc { get; set; }
        public DateTime StartedUtc { get; set; }
        public long Seed { get; set; }
        public string CycleJson { get; set; } = "";
        public string? ParentRoundId { get; set; }
    }

    public async Task<RoundRecord> GetAsync(string roundId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT partnership_id AS PartnershipId, round_id AS RoundId, cycle_id AS CycleId, kind AS Kind,
                   scheduled_for_utc AS ScheduledForUtc, started_utc AS StartedUtc, seed AS Seed, cycle_json AS CycleJson,
                   parent_round_id AS ParentRoundId
            FROM audit_round WHERE round_id = @RoundId
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { RoundId = roundId }, cancellationToken: cancellationToken))
            ?? throw new InvalidOperationException($"Round {roundId} does not exist.");
        return new RoundRecord(row.PartnershipId, row.RoundId, row.CycleId, row.Kind, row.ScheduledForUtc, row.StartedUtc, row.Seed,
            CycleJson.Read(row.CycleJson), row.ParentRoundId);
    }

    /// <summary>
    /// Streams the case references of a cycle's population as at a time, in reference order, leaving out
    /// cases audited in the twelve months before it. Nothing but the current row is held in memory.
    /// </summary>
    public async IAsyncEnumerable<string> PopulationAsync(
        string partnershipId, PopulationFilter filter, DateTime asAtUtc, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var where = new List<string> { "c.partnership_id = @PartnershipId", "c.opened_on <= @AsAt" };
        if (filter.Agencies is { Count: > 0 })
        {
            where.Add(database.Dialect.InList("c.agency", "@Agencies"));
        }

        if (filter.CaseTypes is { Count: > 0 })
        {
            where.Add(database.Dialect.InList("c.case_type", "@CaseTypes"));
        }

        if (filter.OpenOnly)
        {
            where.Add("(c.closed_on IS NULL OR c.closed_on > @AsAt)");
        }
        else if (filter.ClosedWithinMonths is { } months)
        {
            where.Add("(c.closed_on IS NULL OR c.closed_on >= @ClosedSince)");
        }

        if (filter.RequireSchool)
        {
            where.Add("c.school IS NOT NULL");
        }

        var sql = $"""
            SELECT c.case_ref FROM case_record c
            WHERE {string.Join(" AND ", where)}
              AND NOT EXISTS (SELECT 1 FROM deep_dive d JOIN audit_round r ON r.round_id = d.round_id
                              WHERE d.partnership_id = c.partnership_id AND d.case_ref = c.case_ref AND r.started_utc >= @AuditedSince)
            ORDER BY c.case_ref
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = connection.QueryUnbufferedAsync<string>(sql, new
        {
            PartnershipId = partnershipId,
            AsAt = asAtUtc,
            Agencies = (filter.Agencies ?? []).ToArray(),
            CaseTypes = (filter.CaseTypes ?? []).ToArray(),
            ClosedSince = asAtUtc.AddMonths(-(filter.ClosedWithinMonths ?? 0)),
            AuditedSince = asAtUtc.AddMonths(-12),
        });
        await foreach (var caseRef in rows.WithCancellation(cancellationToken))
        {
            yield return caseRef;
        }
    }
}
