using System.Data.Common;
using Dapper;
using DeepDive.Domain.Calendars;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Calendars;

/// <summary>A partnership's school term dates; its school holidays are the gaps between them.</summary>
public sealed class SchoolTermStore(Database database, TimeProvider clock)
{
    private sealed class Row
    {
        public DateTime StartsOn { get; set; }
        public DateTime EndsOn { get; set; }
        public string Name { get; set; } = "";
    }

    /// <summary>
    /// Puts <paramref name="terms"/> in place of every stored term that overlaps the dates they span, in the caller's
    /// transaction; terms outside that span (other years) are kept. Returns how many stored terms were replaced.
    /// </summary>
    public async Task<int> ReplaceSpanAsync(string partnershipId, IReadOnlyList<SchoolTerm> terms, DbConnection connection, DbTransaction transaction,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0)
        {
            return 0;
        }

        var first = terms.Min(t => t.Starts).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var last = terms.Max(t => t.Ends).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var removed = await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM school_term WHERE partnership_id = @PartnershipId AND starts_on <= @Last AND ends_on >= @First
            """, new { PartnershipId = partnershipId, First = first, Last = last }, transaction, cancellationToken: cancellationToken));
        var now = clock.GetUtcNow().UtcDateTime;
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO school_term (partnership_id, starts_on, ends_on, name, imported_utc)
            VALUES (@PartnershipId, @StartsOn, @EndsOn, @Name, @ImportedUtc)
            """, terms.Select(t => new
        {
            PartnershipId = partnershipId,
            StartsOn = t.Starts.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            EndsOn = t.Ends.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            t.Name,
            ImportedUtc = now,
        }).ToList(), transaction, cancellationToken: cancellationToken));
        return removed;
    }

    public async Task<IReadOnlyList<SchoolTerm>> ListAsync(string partnershipId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT starts_on AS StartsOn, ends_on AS EndsOn, name AS Name FROM school_term WHERE partnership_id = @PartnershipId
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { PartnershipId = partnershipId }, cancellationToken: cancellationToken));
        return rows.Select(r => new SchoolTerm(DateOnly.FromDateTime(r.StartsOn), DateOnly.FromDateTime(r.EndsOn), r.Name)).OrderBy(t => t.Starts).ToList();
    }
}
