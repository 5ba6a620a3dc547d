using Dapper;
using DeepDive.Domain.Cases;

namespace DeepDive.Engine.Cases;

/// <summary>The register as a manager reads it: counts by agency, one page of a search, and the schools it names.</summary>
public sealed partial class CaseStore
{
    /// <summary>How many cases an agency has in the register, and how many of them are open (no closed date).</summary>
    public sealed record AgencyCount(string Agency, int Cases, int OpenCases);

    /// <summary>One page of the cases that match a search, and how many match in all.</summary>
    public sealed record CasePage(int Total, IReadOnlyList<CaseRecord> Cases);

    private sealed class AgencyCountRow
    {
        public string Agency { get; set; } = "";
        public int Cases { get; set; }
        public int OpenCases { get; set; }
    }

    private const string CaseColumns = """
        case_ref AS CaseRef, agency AS Agency, case_type AS CaseType, team AS Team, worker AS Worker,
        school AS School, opened_on AS OpenedOn, closed_on AS ClosedOn, involved_agencies AS InvolvedAgencies,
        family_ref AS FamilyRef, age_band AS AgeBand, tags AS Tags
        """;

    public async Task<IReadOnlyList<AgencyCount>> CountByAgencyAsync(string partnershipId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        const string sql = """
            SELECT agency AS Agency, COUNT(*) AS Cases, SUM(CASE WHEN closed_on IS NULL THEN 1 ELSE 0 END) AS OpenCases
            FROM case_record
            WHERE partnership_id = @PartnershipId
            GROUP BY agency
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AgencyCountRow>(new CommandDefinition(sql, new { PartnershipId = partnershipId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new AgencyCount(r.Agency, r.Cases, r.OpenCases)).OrderBy(r => r.Agency, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The cases whose reference, agency, case type, team or school contains <paramref name="search"/> (any case; all
    /// cases when it is blank), in order of reference: <paramref name="count"/> of them after the first <paramref name="offset"/>.
    /// </summary>
    public async Task<CasePage> SearchAsync(string partnershipId, string? search, int offset, int count, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var pattern = string.IsNullOrWhiteSpace(search) ? null : "%" + LikeEscaped(search.Trim().ToLowerInvariant()) + "%";
        var where = pattern is null ? "" : """
             AND (LOWER(case_ref) LIKE @Pattern ESCAPE '\' OR LOWER(agency) LIKE @Pattern ESCAPE '\' OR LOWER(case_type) LIKE @Pattern ESCAPE '\'
                  OR LOWER(team) LIKE @Pattern ESCAPE '\' OR LOWER(school) LIKE @Pattern ESCAPE '\')
            """;
        var args = new { PartnershipId = partnershipId, Pattern = pattern };
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM case_record WHERE partnership_id = @PartnershipId" + where, args, cancellationToken: cancellationToken));
        var sql = database.Dialect.Page(
            $"SELECT {CaseColumns} FROM case_record WHERE partnership_id = @PartnershipId{where} ORDER BY {database.Dialect.Ordinal("case_ref")}", offset, count);
        var rows = await connection.QueryAsync<CaseRow>(new CommandDefinition(sql, args, cancellationToken: cancellationToken));
        return new CasePage(total, [.. rows.Select(r => r.ToCase())]);
    }

    /// <summary>The schools the register names, as it writes them, in order.</summary>
    public async Task<IReadOnlyList<string>> SchoolsAsync(string partnershipId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        const string sql = """
            SELECT DISTINCT school FROM case_record
            WHERE partnership_id = @PartnershipId AND school IS NOT NULL AND school <> ''
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var schools = await connection.QueryAsync<string>(new CommandDefinition(sql, new { PartnershipId = partnershipId }, cancellationToken: cancellationToken));
        return [.. schools.Order(StringComparer.Ordinal)];
    }

    /// <summary>Text for a LIKE pattern with backslash as the escape: its own wildcards match only themselves.</summary>
    private static string LikeEscaped(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
