using Dapper;
using DeepDive.Domain.Assignment;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Reporting;

/// <summary>
/// The programme at a glance for a manager's dashboard: rounds by status, the grades and re-audit results of a span
/// of time, and how the tasks due in a month stand. Counts only: no case reference leaves this query.
/// </summary>
public sealed class ProgrammeYearQuery(Database database)
{
    /// <summary>How many of something there are under one key (a status, a grade, an outcome).</summary>
    public sealed record Tally(string Key, int Count);

    /// <summary>Rounds started in the span by status; first audits' overall grades and re-audits' results (improved, same, worse) of deep dives closed in it.</summary>
    public sealed record Year(IReadOnlyList<Tally> RoundsByStatus, IReadOnlyList<Tally> Grades, IReadOnlyList<Tally> ReAuditOutcomes, int CasesAudited)
    {
        public int Rounds => RoundsByStatus.Sum(r => r.Count);
    }

    /// <summary>The tasks due in a span: submitted on time or late, and those still open, before or after their due time.</summary>
    public sealed record TasksDue(int SubmittedOnTime, int SubmittedLate, int OpenNotYetDue, int OpenOverdue, int Unassigned)
    {
        public int Due => SubmittedOnTime + SubmittedLate + OpenNotYetDue + OpenOverdue;

        /// <summary>Submitted after the due time, or still open after it.</summary>
        public int Late => SubmittedLate + OpenOverdue;
    }

    public async Task<Year> YearAsync(string partnershipId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var args = new { PartnershipId = partnershipId, FromUtc = fromUtc, ToUtc = toUtc };
        await using var connection = await database.OpenAsync(cancellationToken);
        var rounds = await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT status AS Name, COUNT(*) AS Total FROM audit_round
            WHERE partnership_id = @PartnershipId AND started_utc >= @FromUtc AND started_utc < @ToUtc
            GROUP BY status
            """, args, cancellationToken: cancellationToken));
        var grades = await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT overall_grade AS Name, COUNT(*) AS Total FROM deep_dive
            WHERE partnership_id = @PartnershipId AND closed_utc >= @FromUtc AND closed_utc < @ToUtc
              AND overall_grade IS NOT NULL AND first_deep_dive_id IS NULL
            GROUP BY overall_grade
            """, args, cancellationToken: cancellationToken));
        var outcomes = await connection.QueryAsync<Row>(new CommandDefinition("""
            SELECT comparison AS Name, COUNT(*) AS Total FROM deep_dive
            WHERE partnership_id = @PartnershipId AND closed_utc >= @FromUtc AND closed_utc < @ToUtc AND comparison IS NOT NULL
            GROUP BY comparison
            """, args, cancellationToken: cancellationToken));
        var cases = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            SELECT COUNT(*) FROM deep_dive d JOIN audit_round r ON r.round_id = d.round_id
            WHERE r.partnership_id = @PartnershipId AND r.started_utc >= @FromUtc AND r.started_utc < @ToUtc
            """, args, cancellationToken: cancellationToken));
        return new Year(Tallies(rounds), Tallies(grades), Tallies(outcomes), (int)cases);
    }

    /// <summary>The tasks due from <paramref name="fromUtc"/> (inclusive) to <paramref name="toUtc"/> (exclusive), as they stand at <paramref name="nowUtc"/>.</summary>
    public async Task<TasksDue> TasksDueAsync(string partnershipId, DateTime fromUtc, DateTime toUtc, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleAsync<DueRow>(new CommandDefinition("""
            SELECT
              COALESCE(SUM(CASE WHEN status = @Submitted AND late = 0 THEN 1 ELSE 0 END), 0) AS SubmittedOnTime,
              COALESCE(SUM(CASE WHEN status = @Submitted AND late <> 0 THEN 1 ELSE 0 END), 0) AS SubmittedLate,
              COALESCE(SUM(CASE WHEN status <> @Submitted AND due_utc > @NowUtc THEN 1 ELSE 0 END), 0) AS OpenNotYetDue,
              COALESCE(SUM(CASE WHEN status <> @Submitted AND due_utc <= @NowUtc THEN 1 ELSE 0 END), 0) AS OpenOverdue,
              COALESCE(SUM(CASE WHEN status = @Unassigned THEN 1 ELSE 0 END), 0) AS Unassigned
            FROM audit_task
            WHERE partnership_id = @PartnershipId AND due_utc >= @FromUtc AND due_utc < @ToUtc
            """, new { PartnershipId = partnershipId, FromUtc = fromUtc, ToUtc = toUtc, NowUtc = nowUtc, AuditTaskStatus.Submitted, AuditTaskStatus.Unassigned },
            cancellationToken: cancellationToken));
        return new TasksDue((int)row.SubmittedOnTime, (int)row.SubmittedLate, (int)row.OpenNotYetDue, (int)row.OpenOverdue, (int)row.Unassigned);
    }

    /// <summary>When the partnership's first and latest rounds started, or null when it has none.</summary>
    public async Task<(DateTime First, DateTime Latest)?> RoundSpanAsync(string partnershipId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var span = await connection.QuerySingleAsync<(DateTime? First, DateTime? Latest)>(new CommandDefinition(
            "SELECT MIN(started_utc) AS First, MAX(started_utc) AS Latest FROM audit_round WHERE partnership_id = @PartnershipId",
            new { PartnershipId = partnershipId }, cancellationToken: cancellationToken));
        return span is { First: { } first, Latest: { } latest } ? (first, latest) : null;
    }

    private static List<Tally> Tallies(IEnumerable<Row> rows) => [.. rows.Select(r => new Tally(r.Name, (int)r.Total))];

    private sealed class Row
    {
        public string Name { get; set; } = "";
        public long Total { get; set; }
    }

    private sealed class DueRow
    {
        public long SubmittedOnTime { get; set; }
        public long SubmittedLate { get; set; }
        public long OpenNotYetDue { get; set; }
        public long OpenOverdue { get; set; }
        public long Unassigned { get; set; }
    }
}
