using System.Data.Common;
using Dapper;
using DeepDive.Domain.Assignment;
using DeepDive.Domain.Auditors;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Auditors;

/// <summary>The auditors of each partnership: who may audit, for which agency, with what skills and capacity.</summary>
public sealed class AuditorStore(Database database, TimeProvider clock)
{
    private static readonly string[] KeyColumns = ["partnership_id", "auditor_id"];
    private static readonly string[] OtherColumns = ["name", "agency", "team", "skills", "monthly_capacity", "updated_utc"];


    /// <summary>Columns a file may leave out: then the values already stored are kept, rather than cleared.</summary>
    public static readonly string[] OptionalColumns = ["manager", "email"];

    /// <summary>
    /// Inserts the auditors, or updates those whose id is already registered, in the caller's transaction.
    /// An id listed twice is written twice: the later one wins and counts as an update.
    /// </summary>
    /// <param name="keep">Optional columns (<see cref="OptionalColumns"/>) whose stored values are left as they are: the file had no such column.</param>
    public async Task<(int Inserted, int Updated)> UpsertAsync(
        string partnershipId, IReadOnlyList<Auditor> auditors, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken,
        IReadOnlyCollection<string>? keep = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        ArgumentNullException.ThrowIfNull(auditors);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(transaction);
        if (auditors.Count == 0)
        {
            return (0, 0);
        }

        const string existsSql = """
            SELECT COUNT(*) FROM auditor WHERE partnership_id = @PartnershipId AND auditor_id = @AuditorId
            """;
        await using var exists = new BatchCommand(connection, transaction, existsSql, KeyColumns);
        string[] written = [.. OtherColumns, .. OptionalColumns.Where(c => keep is null || !keep.Contains(c))];
        await using var upsert = new BatchCommand(connection, transaction, database.Dialect.Upsert("auditor", KeyColumns, written), [.. KeyColumns, .. written]);
        var now = clock.GetUtcNow().UtcDateTime;
        var inserted = 0;
        foreach (var a in auditors)
        {
            exists.Set("partnership_id", partnershipId);
            exists.Set("auditor_id", a.AuditorId);
            if (!await exists.AnyAsync(cancellationToken))
            {
                inserted++;
            }

            upsert.Set("partnership_id", partnershipId);
            upsert.Set("auditor_id", a.AuditorId);
            upsert.Set("name", a.Name);
            upsert.Set("agency", a.Agency);
            upsert.Set("team", a.Team);
            upsert.Set("skills", StoredList.Join(a.Skills));
            upsert.Set("monthly_capacity", a.MonthlyCapacity);
            upsert.Set("updated_utc", now);
            foreach (var optional in OptionalColumns.Where(written.Contains))
            {
                upsert.Set(optional, optional == "manager" ? a.Manager : a.Email);
            }

            await upsert.ExecuteAsync(cancellationToken);
        }

        return (inserted, auditors.Count - inserted);
    }

    /// <summary>The partnership's auditors in order of id.</summary>
    public async Task<IReadOnlyList<Auditor>> ListAsync(string partnershipId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        const string sql = """
            SELECT auditor_id AS AuditorId, name AS Name, agency AS Agency, team AS Team, skills AS Skills,
                   monthly_capacity AS MonthlyCapacity, manager AS Manager, email AS Email
            FROM auditor
            WHERE partnership_id = @PartnershipId
            ORDER BY auditor_id
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditorRow>(
            new CommandDefinition(sql, new { PartnershipId = partnershipId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToAuditor()).ToList();
    }

    /// <summary>The agency an auditor of the partnership audits for, or null when the partnership has no such auditor.</summary>
    public async Task<string?> AgencyOfAsync(string partnershipId, string auditorId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT agency FROM auditor WHERE partnership_id = @PartnershipId AND auditor_id = @AuditorId",
            new { PartnershipId = partnershipId, AuditorId = auditorId }, cancellationToken: cancellationToken));
    }

    /// <summary>An auditor's deep-dive tasks: how many are open, and how many they have had in all.</summary>
    public sealed record TaskCount(string AuditorId, int OpenTasks, int Tasks);

    /// <summary>Every auditor who has had a task, those with the most open tasks first, then the most tasks, then by id.</summary>
    public async Task<IReadOnlyList<TaskCount>> TaskCountsAsync(string partnershipId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        const string sql = """
            SELECT auditor_id AS AuditorId, SUM(CASE WHEN status = @Open THEN 1 ELSE 0 END) AS OpenTasks, COUNT(*) AS Tasks
            FROM audit_task
            WHERE partnership_id = @PartnershipId AND auditor_id IS NOT NULL
            GROUP BY auditor_id
            ORDER BY 2 DESC, 3 DESC, auditor_id
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TaskCountRow>(new CommandDefinition(
            sql, new { PartnershipId = partnershipId, AuditTaskStatus.Open }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new TaskCount(r.AuditorId, (int)r.OpenTasks, (int)r.Tasks))];
    }

    private sealed class TaskCountRow
    {
        public string AuditorId { get; set; } = "";
        public long OpenTasks { get; set; }
        public long Tasks { get; set; }
    }

    /// <summary>An auditor row as read back; its members are the aliases the query gives the columns.</summary>
    private sealed record AuditorRow
    {
        public string AuditorId { get; init; } = "";
        public string Name { get; init; } = "";
        public string Agency { get; init; } = "";
        public string Team { get; init; } = "";
        public string Skills { get; init; } = "";
        public int MonthlyCapacity { get; init; }
        public string? Manager { get; init; }
        public string? Email { get; init; }

        public Auditor ToAuditor() => new(AuditorId, Name, Agency, Team, StoredList.Split(Skills), MonthlyCapacity, Manager, Email);
    }
}
