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
            Cycles.CycleFile.ReadStored(row.CycleJson), row.ParentRoundId);
    }

    /// <summary>One case of a population: its reference and the value it is stratified by.</summary>
    public sealed class Member
    {
        public string CaseRef { get; set; } = "";
        public string Stratum { get; set; } = "";
    }

    /// <summary>
    /// Streams a cycle's population as at a time, in reference order (by code point, the same on every database), leaving out cases audited in the twelve
    /// months before it, each with the value of <paramref name="stratifyBy"/> (empty when null). Nothing but the
    /// current row is held in memory.
    /// </summary>
    public async IAsyncEnumerable<Member> PopulationAsync(
        string partnershipId, PopulationFilter filter, DateTime asAtUtc, string? stratifyBy, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT c.case_ref AS CaseRef, {StratumColumn(stratifyBy)} AS Stratum FROM case_record c
            WHERE {Where(filter)}
            ORDER BY {database.Dialect.Ordinal("c.case_ref")}
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        // A plain reader rather than Dapper's row mapping: this loop runs once for every case of the register.
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            sql, Arguments(partnershipId, filter, asAtUtc), cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new Member { CaseRef = reader.GetString(0), Stratum = reader.GetString(1) };
        }
    }

    /// <summary>How many cases of the population fall in each stratum (one stratum, "", when not stratified).</summary>
    public async Task<IReadOnlyDictionary<string, int>> StratumSizesAsync(
        string partnershipId, PopulationFilter filter, DateTime asAtUtc, string? stratifyBy, CancellationToken cancellationToken)
    {
        var column = StratumColumn(stratifyBy);
        var sql = $"""
            SELECT {column} AS Stratum, COUNT(*) AS Size FROM case_record c
            WHERE {Where(filter)}
            {(stratifyBy is null ? "" : $"GROUP BY {column}")}
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Stratum, long Size)>(new CommandDefinition(sql,
            Arguments(partnershipId, filter, asAtUtc), cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Stratum, r => (int)r.Size, StringComparer.Ordinal);
    }

    private static string StratumColumn(string? stratifyBy) => stratifyBy switch
    {
        null => "''",
        "agency" => "c.agency",
        "case-type" => "c.case_type",
        "team" => "c.team",
        "school" => "COALESCE(c.school, '(no school)')",
        _ => throw new ArgumentException($"A sample cannot be stratified by '{stratifyBy}': use agency, case-type, team or school."),
    };

    /// <summary>How many cases match the filter but were left out because they were audited in the last twelve months.</summary>
    public async Task<int> RecentlyAuditedAsync(string partnershipId, PopulationFilter filter, DateTime asAtUtc, CancellationToken cancellationToken)
    {
        // Counted from the few recent deep dives, each case looked up by its key: a scalar subquery, which both
        // planners run once per recent case instead of scanning the whole register against them.
        var sql = $"""
            SELECT COUNT(*) FROM (SELECT DISTINCT d.case_ref FROM deep_dive d JOIN audit_round r ON r.round_id = d.round_id
                                  WHERE d.partnership_id = @PartnershipId AND r.started_utc >= @AuditedSince) a
            WHERE (SELECT COUNT(*) FROM case_record c WHERE c.case_ref = a.case_ref AND {Where(filter, excluded: true)}) > 0
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, Arguments(partnershipId, filter, asAtUtc), cancellationToken: cancellationToken));
    }

    private string Where(PopulationFilter filter, bool excluded = false)
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
        else if (filter.ClosedWithinMonths is not null)
        {
            where.Add("(c.closed_on IS NULL OR c.closed_on >= @ClosedSince)");
        }

        if (filter.RequireSchool)
        {
            where.Add("c.school IS NOT NULL");
        }

        // Excluded before drawing: a case audited in the last twelve months.
        where.Add((excluded ? "" : "NOT ") + """
            EXISTS (SELECT 1 FROM deep_dive d JOIN audit_round r ON r.round_id = d.round_id
                        WHERE d.partnership_id = c.partnership_id AND d.case_ref = c.case_ref AND r.started_utc >= @AuditedSince)
            """);
        return string.Join(" AND ", where);
    }

    /// <summary>The population's WHERE over <c>case_record c</c> and its arguments, exactly as the draw uses them (for the sampling bench).</summary>
    internal (string Where, object Arguments) PopulationSql(string partnershipId, PopulationFilter filter, DateTime asAtUtc) =>
        (Where(filter), Arguments(partnershipId, filter, asAtUtc));

    private static object Arguments(string partnershipId, PopulationFilter filter, DateTime asAtUtc) => new
    {
        PartnershipId = partnershipId,
        AsAt = asAtUtc,
        Agencies = (filter.Agencies ?? []).ToArray(),
        CaseTypes = (filter.CaseTypes ?? []).ToArray(),
        ClosedSince = asAtUtc.AddMonths(-(filter.ClosedWithinMonths ?? 0)),
        AuditedSince = asAtUtc.AddMonths(-12),
    };
}
