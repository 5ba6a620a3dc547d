using System.Data.Common;
using Dapper;
using DeepDive.Domain.Cases;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Cases;

/// <summary>The case register of each partnership: the sampling frame, keyed by pseudonymised case reference.</summary>
public sealed partial class CaseStore(Database database, TimeProvider clock)
{
    private static readonly string[] KeyColumns = ["partnership_id", "case_ref"];
    private static readonly string[] OtherColumns =
        ["agency", "case_type", "team", "worker", "school", "opened_on", "closed_on", "involved_agencies", "family_ref", "age_band", "tags", "updated_utc"];

    private readonly string upsertSql = database.Dialect.Upsert("case_record", KeyColumns, OtherColumns);

    /// <summary>
    /// Inserts the cases, or updates those whose reference is already registered, in the caller's transaction.
    /// A reference listed twice is written twice: the later one wins and counts as an update.
    /// </summary>
    public async Task<(int Inserted, int Updated)> UpsertAsync(
        string partnershipId, IReadOnlyList<CaseRecord> cases, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        if (cases.Count == 0)
        {
            return (0, 0);
        }

        const string existsSql = """
            SELECT COUNT(*) FROM case_record WHERE partnership_id = @PartnershipId AND case_ref = @CaseRef
            """;
        await using var exists = new BatchCommand(connection, transaction, existsSql, KeyColumns);
        await using var upsert = new BatchCommand(connection, transaction, upsertSql, [.. KeyColumns, .. OtherColumns]);
        var now = clock.GetUtcNow().UtcDateTime;
        var inserted = 0;
        foreach (var c in cases)
        {
            exists.Set("partnership_id", partnershipId);
            exists.Set("case_ref", c.CaseRef);
            if (!await exists.AnyAsync(cancellationToken))
            {
                inserted++;
            }

            upsert.Set("partnership_id", partnershipId);
            upsert.Set("case_ref", c.CaseRef);
            upsert.Set("agency", c.Agency);
            upsert.Set("case_type", c.CaseType);
            upsert.Set("team", c.Team);
            upsert.Set("worker", c.Worker);
            upsert.Set("school", c.School);
            upsert.Set("opened_on", c.OpenedOn);
            upsert.Set("closed_on", c.ClosedOn);
            upsert.Set("involved_agencies", StoredList.Join(c.InvolvedAgencies));
            upsert.Set("family_ref", c.FamilyRef);
            upsert.Set("age_band", c.AgeBand);
            upsert.Set("tags", CaseTags.Store(c.Tags));
            upsert.Set("updated_utc", now);
            await upsert.ExecuteAsync(cancellationToken);
        }

        return (inserted, cases.Count - inserted);
    }

    public async Task<CaseRecord?> GetAsync(string partnershipId, string caseRef, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        ArgumentNullException.ThrowIfNull(caseRef);
        const string sql = """
            SELECT case_ref AS CaseRef, agency AS Agency, case_type AS CaseType, team AS Team, worker AS Worker,
                   school AS School, opened_on AS OpenedOn, closed_on AS ClosedOn, involved_agencies AS InvolvedAgencies,
                   family_ref AS FamilyRef, age_band AS AgeBand, tags AS Tags
            FROM case_record
            WHERE partnership_id = @PartnershipId AND case_ref = @CaseRef
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CaseRow>(new CommandDefinition(
            sql, new { PartnershipId = partnershipId, CaseRef = caseRef }, cancellationToken: cancellationToken));
        return row?.ToCase();
    }

    public async Task<int> CountAsync(string partnershipId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        const string sql = """
            SELECT COUNT(*) FROM case_record WHERE partnership_id = @PartnershipId
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(
            new CommandDefinition(sql, new { PartnershipId = partnershipId }, cancellationToken: cancellationToken));
    }

    /// <summary>A case_record row as read back; its members are the aliases the query gives the columns.</summary>
    private sealed record CaseRow
    {
        public string CaseRef { get; init; } = "";
        public string Agency { get; init; } = "";
        public string CaseType { get; init; } = "";
        public string Team { get; init; } = "";
        public string Worker { get; init; } = "";
        public string? School { get; init; }
        public DateTime OpenedOn { get; init; }
        public DateTime? ClosedOn { get; init; }
        public string InvolvedAgencies { get; init; } = "";
        public string? FamilyRef { get; init; }
        public string? AgeBand { get; init; }
        public string Tags { get; init; } = "";

        public CaseRecord ToCase() =>
            new(CaseRef, Agency, CaseType, Team, Worker, School, OpenedOn, ClosedOn, StoredList.Split(InvolvedAgencies))
            {
                FamilyRef = FamilyRef,
                AgeBand = AgeBand,
                Tags = StoredList.Split(Tags),
            };
    }
}
