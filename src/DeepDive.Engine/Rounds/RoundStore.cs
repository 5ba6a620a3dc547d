using Dapper;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Rounds;

/// <summary>Reads rounds and the sampling frame they draw from.</summary>
public sealed partial class RoundStore(Database database)
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

    /// <summary>The cycle a round belongs to, or null when the partnership has no such round.</summary>
    public async Task<string?> CycleOfAsync(string partnershipId, string roundId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT cycle_id FROM audit_round WHERE partnership_id = @PartnershipId AND round_id = @RoundId",
            new { PartnershipId = partnershipId, RoundId = roundId }, cancellationToken: cancellationToken));
    }

    /// <summary>One case of a population: its reference, the value it is stratified by, and its family.</summary>
    public sealed class Member
    {
        public string CaseRef { get; set; } = "";
        public string Stratum { get; set; } = "";
        public string? FamilyRef { get; set; }

        /// <summary>From <see cref="ForEachMatchedAsync"/>: the index of the first exclusion that leaves the case out, -1 when eligible.</summary>
        public int ExcludedBy { get; set; } = -1;
    }

    /// <summary>The order a population is streamed in.</summary>
    public enum ReadOrder
    {
        /// <summary>
        /// Whatever order the database finds the cases in, for draws whose list and population hash do not depend on it
        /// and in which families play no part: <see cref="Member.FamilyRef"/> is not read (null).
        /// </summary>
        None,

        /// <summary>By reference, by code point (the same on every database).</summary>
        Reference,

        /// <summary>First the cases without a family by reference, then the others by family and reference, so that siblings arrive side by side.</summary>
        Family,
    }

    /// <summary>How many cases a cycle's filter matches, how many each exclusion leaves out, and how many are left.</summary>
    public sealed record Census(int Matched, IReadOnlyList<Exclusion> Excluded, int Eligible, int EligibleInFamilies, int Families)
    {
        /// <summary>The eligible cases once siblings are left out: one per family, plus every case without a family.</summary>
        public int OnePerFamily => Eligible - EligibleInFamilies + Families;
    }

    /// <summary>
    /// Counts a cycle's population as at a time in one query: the cases its filter matches, each exclusion's count (a
    /// case under the first rule that excludes it) and the eligible cases, with how many of them belong to a family and,
    /// when <paramref name="countFamilies"/>, how many families those are.
    /// </summary>
    public async Task<Census> CensusAsync(string partnershipId, CycleDefinition cycle, DateTime asAtUtc, bool countFamilies, CancellationToken cancellationToken)
    {
        var query = new PopulationQuery(database.Dialect, partnershipId, cycle.Population, cycle.Exclusions, asAtUtc);
        var sql = $"""
            SELECT x.Reason AS Reason, COUNT(*) AS Cases, COUNT(x.FamilyRef) AS InFamilies,
                   {(countFamilies ? "COUNT(DISTINCT x.FamilyRef)" : "0")} AS Families
            FROM (SELECT {query.Reason} AS Reason, c.family_ref AS FamilyRef FROM case_record c WHERE {query.Matched}) x
            GROUP BY x.Reason
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Reason, long Cases, long InFamilies, long Families)>(
            new CommandDefinition(sql, query.Parameters, cancellationToken: cancellationToken))).ToList();
        var eligible = rows.FirstOrDefault(r => r.Reason == "");
        var excluded = query.Labels.Select((label, i) => new Exclusion(label,
            (int)rows.Where(r => r.Reason == i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Sum(r => r.Cases))).ToList();
        return new Census((int)rows.Sum(r => r.Cases), excluded, (int)eligible.Cases, (int)eligible.InFamilies, (int)eligible.Families);
    }

    /// <summary>
    /// Reads a cycle's eligible population (filter, less every exclusion) as at a time, in the order asked for, handing
    /// each case to <paramref name="each"/> as it is read. Nothing but the current row is held in memory.
    /// </summary>
    public Task ForEachEligibleAsync(
        string partnershipId, CycleDefinition cycle, DateTime asAtUtc, string? stratifyBy, ReadOrder order, Action<Member> each,
        CancellationToken cancellationToken)
    {
        var query = new PopulationQuery(database.Dialect, partnershipId, cycle.Population, cycle.Exclusions, asAtUtc);
        return ReadAsync(query, query.Eligible, excludedBy: null, stratifyBy, order, each, cancellationToken);
    }

    /// <summary>
    /// Reads every case a cycle's filter matches as at a time, in the order asked for, handing each to
    /// <paramref name="each"/> with <see cref="Member.ExcludedBy"/>: the index in <see cref="ExclusionLabels"/> of the
    /// first exclusion that leaves it out, or -1. The eligible cases among them are exactly those of
    /// <see cref="ForEachEligibleAsync"/>, so a draw can count the census while it reads the register once.
    /// </summary>
    public Task ForEachMatchedAsync(
        string partnershipId, CycleDefinition cycle, DateTime asAtUtc, string? stratifyBy, ReadOrder order, Action<Member> each,
        CancellationToken cancellationToken)
    {
        var query = new PopulationQuery(database.Dialect, partnershipId, cycle.Population, cycle.Exclusions, asAtUtc);
        return ReadAsync(query, query.Matched, query.ExcludedBy, stratifyBy, order, each, cancellationToken);
    }

    /// <summary>The labels of a cycle's exclusions, in the order they are applied (the indexes of <see cref="Member.ExcludedBy"/>).</summary>
    public IReadOnlyList<string> ExclusionLabels(string partnershipId, CycleDefinition cycle, DateTime asAtUtc) =>
        new PopulationQuery(database.Dialect, partnershipId, cycle.Population, cycle.Exclusions, asAtUtc).Labels;

    /// <summary>Whether any eligible case belongs to a family; answered from the family index without reading the register.</summary>
    public async Task<bool> AnyEligibleInFamilyAsync(string partnershipId, CycleDefinition cycle, DateTime asAtUtc, CancellationToken cancellationToken)
    {
        var query = new PopulationQuery(database.Dialect, partnershipId, cycle.Population, cycle.Exclusions, asAtUtc);
        var sql = $"SELECT CASE WHEN EXISTS (SELECT 1 FROM case_record c WHERE c.family_ref IS NOT NULL AND {query.Eligible}) THEN 1 ELSE 0 END";
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(sql, query.Parameters, cancellationToken: cancellationToken)) == 1;
    }

    private async Task ReadAsync(
        PopulationQuery query, string where, string? excludedBy, string? stratifyBy, ReadOrder order, Action<Member> each,
        CancellationToken cancellationToken)
    {
        var orderBy = order switch
        {
            ReadOrder.None => "",
            ReadOrder.Reference => "ORDER BY " + database.Dialect.Ordinal("c.case_ref"),
            ReadOrder.Family => "ORDER BY CASE WHEN c.family_ref IS NULL THEN 0 ELSE 1 END, "
                + $"{database.Dialect.Ordinal("c.family_ref")}, {database.Dialect.Ordinal("c.case_ref")}",
            _ => throw new ArgumentOutOfRangeException(nameof(order), order, null),
        };
        var sql = $"""
            SELECT c.case_ref AS CaseRef, {StratumColumn(stratifyBy)} AS Stratum, {(order == ReadOrder.None ? "NULL" : "c.family_ref")} AS FamilyRef,
                   {excludedBy ?? "-1"} AS ExcludedBy
            FROM case_record c
            WHERE {where}
            {orderBy}
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        // A plain reader and a callback rather than Dapper's row mapping or an async iterator: this loop runs once for
        // every case of the register, and an iterator's state machine cost about a tenth of the floor's time per case.
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, query.Parameters, cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            each(new Member
            {
                CaseRef = reader.GetString(0),
                Stratum = stratifyBy is null ? "" : reader.GetString(1),
                FamilyRef = reader.IsDBNull(2) ? null : reader.GetString(2),
                ExcludedBy = excludedBy is null ? -1 : reader.GetInt32(3),
            });
        }
    }

    /// <summary>
    /// The WHERE over <c>case_record c</c> of a cycle's eligible population as at a time, and its parameters: exactly what
    /// <see cref="ForEachEligibleAsync"/> reads (for the sampling bench's floor and naive queries).
    /// </summary>
    internal (string Where, DynamicParameters Parameters) PopulationSql(string partnershipId, CycleDefinition cycle, DateTime asAtUtc)
    {
        var query = new PopulationQuery(database.Dialect, partnershipId, cycle.Population, cycle.Exclusions, asAtUtc);
        return (query.Eligible, query.Parameters);
    }

    /// <summary>The column a stratified draw groups by; "" for every case when not stratified.</summary>
    public static string StratumColumn(string? stratifyBy) => stratifyBy switch
    {
        null => "''",
        "agency" => "c.agency",
        "case-type" => "c.case_type",
        "team" => "c.team",
        "school" => "COALESCE(c.school, '(no school)')",
        "age-band" => "COALESCE(c.age_band, '(no age band)')",
        _ => throw new ArgumentException($"A sample cannot be stratified by '{stratifyBy}': use agency, case-type, team, school or age-band."),
    };
}
