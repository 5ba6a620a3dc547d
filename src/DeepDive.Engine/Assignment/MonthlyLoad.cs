using Dapper;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Assignment;

/// <summary>How many tasks each auditor already holds in a calendar month, read in the partnership's time zone.</summary>
public sealed class MonthlyLoad(Database database)
{
    /// <summary>The UTC bounds of the calendar month that <paramref name="nowUtc"/> falls in, in <paramref name="timeZone"/>.</summary>
    public static (DateTime StartUtc, DateTime EndUtc) MonthOf(DateTime nowUtc, string timeZone)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone);
        var start = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return (TimeZoneInfo.ConvertTimeToUtc(start, zone), TimeZoneInfo.ConvertTimeToUtc(start.AddMonths(1), zone));
    }

    /// <summary>
    /// Tasks given to each auditor that opened in the month of <paramref name="nowUtc"/>, whatever their status:
    /// a task finished early still used that month's capacity.
    /// </summary>
    public async Task<Dictionary<string, int>> ByAuditorAsync(string partnershipId, DateTime nowUtc, string timeZone, CancellationToken cancellationToken)
    {
        var (start, end) = MonthOf(nowUtc, timeZone);
        const string sql = """
            SELECT auditor_id AS AuditorId, COUNT(*) AS Tasks FROM audit_task
            WHERE partnership_id = @PartnershipId AND auditor_id IS NOT NULL AND opened_utc >= @Start AND opened_utc < @End
            GROUP BY auditor_id
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string AuditorId, long Tasks)>(new CommandDefinition(sql,
            new { PartnershipId = partnershipId, Start = start, End = end }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.AuditorId, r => (int)r.Tasks, StringComparer.Ordinal);
    }
}
