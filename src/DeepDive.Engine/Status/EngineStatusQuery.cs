using System.Data.Common;
using Dapper;
using DeepDive.Engine.FiringFailures;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Status;

/// <summary>Reads <see cref="EngineStatus"/> from the database without changing anything (it never upgrades the schema).</summary>
public sealed class EngineStatusQuery(Database database, TimeProvider clock)
{
    /// <summary>How many of the coming firings to list.</summary>
    public const int NextFiringsShown = 10;

    /// <param name="warnings">Warnings from elsewhere (e.g. the bank-holiday file's coverage) to report with the status.</param>
    public async Task<EngineStatus> ReadAsync(IReadOnlyList<string> warnings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var problems = new List<string>();
        var allWarnings = new List<string>(warnings);
        DbConnection connection;
        try
        {
            connection = await database.OpenAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            problems.Add($"database: cannot connect: {e.Message}");
            return new EngineStatus(now, new EngineStatus.DatabasePart(database.Dialect.Kind.ToString(), Target(), false, null, 0, 0),
                null, null, null, null, null, allWarnings, problems);
        }

        await using (connection)
        {
            return await ReadAsync(connection, now, allWarnings, problems, cancellationToken);
        }
    }

    private async Task<EngineStatus> ReadAsync(DbConnection connection, DateTime now, List<string> allWarnings, List<string> problems, CancellationToken cancellationToken)
    {
        var db = await Part(problems, "database schema", () => SchemaAsync(connection, cancellationToken))
            ?? new EngineStatus.DatabasePart(database.Dialect.Kind.ToString(), Target(), true, null, 0, Migrator.Scripts(database.Dialect.MigrationsFolder).Count);
        if (db.ScriptsApplied == 0)
        {
            problems.Add("database: no schema yet; run 'deepdive init' (or start the engine)");
            return new EngineStatus(now, db, null, null, null, null, null, allWarnings, problems);
        }

        var scheduler = await SchedulerOrNoteAsync(connection, allWarnings, problems, cancellationToken);
        var workflows = await Part(problems, "workflows", () => WorkflowsAsync(connection, now, cancellationToken));
        var outbox = await Part(problems, "outbox", () => OutboxAsync(connection, cancellationToken));
        var firings = await Part(problems, "failed firings", () => FailedFiringsAsync(connection, cancellationToken));
        var jobs = await Part(problems, "failed jobs", () => FailedJobsAsync(cancellationToken));
        return new EngineStatus(now, db, scheduler, workflows, outbox, firings, jobs, allWarnings, problems);
    }

    private static async Task<T?> Part<T>(List<string> problems, string name, Func<Task<T>> read) where T : class
    {
        try
        {
            return await read();
        }
        catch (DbException e)
        {
            problems.Add($"{name}: cannot be read: {e.Message}");
            return null;
        }
    }

    /// <summary>Where the data is, without secrets: a SQLite file's path, or a server's host and database.</summary>
    /// <summary>The scheduler's part; a database the engine never ran on has no scheduler tables yet, which is no fault.</summary>
    private static async Task<EngineStatus.SchedulerPart?> SchedulerOrNoteAsync(DbConnection connection, List<string> warnings, List<string> problems,
        CancellationToken cancellationToken)
    {
        try
        {
            return await SchedulerAsync(connection, cancellationToken);
        }
        catch (DbException e) when (e.Message.Contains("qrtz_", StringComparison.OrdinalIgnoreCase))
        {
            warnings.Add("scheduler: no scheduler tables yet; the first 'deepdive run' creates them");
            return null;
        }
        catch (DbException e)
        {
            problems.Add($"scheduler: cannot be read: {e.Message}");
            return null;
        }
    }

    private string Target()
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = database.ConnectionString };
        string? Value(params string[] keys) => keys.Select(k => builder.TryGetValue(k, out var v) ? v?.ToString() : null).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        return database.Dialect.Kind == DatabaseKind.Sqlite
            ? Value("Data Source", "DataSource", "Filename") ?? "(SQLite)"
            : $"{Value("Host", "Server", "Data Source", "Address", "Addr")}, database {Value("Database", "Initial Catalog") ?? "(default)"}";
    }

    private async Task<EngineStatus.DatabasePart> SchemaAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var scripts = Migrator.Scripts(database.Dialect.MigrationsFolder).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<string> applied;
        try
        {
            applied = (await connection.QueryAsync<string>(new CommandDefinition("SELECT scriptname FROM schemaversions", cancellationToken: cancellationToken))).ToList();
        }
        catch (DbException)
        {
            // No journal table: the schema was never created.
            applied = [];
        }

        var latest = applied.Where(scripts.Contains).Order(StringComparer.Ordinal).LastOrDefault();
        return new EngineStatus.DatabasePart(database.Dialect.Kind.ToString(), Target(), true, latest is null ? null : Path.GetFileNameWithoutExtension(latest),
            applied.Count, scripts.Count(s => !applied.Contains(s)));
    }

    private static async Task<EngineStatus.SchedulerPart> SchedulerAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var nodes = (await connection.QueryAsync<(string Id, long LastCheckIn, long Interval)>(new CommandDefinition(
            "SELECT instance_name, last_checkin_time, checkin_interval FROM qrtz_scheduler_state ORDER BY instance_name", cancellationToken: cancellationToken)))
            .Select(n => new EngineStatus.Node(n.Id, new DateTime(n.LastCheckIn, DateTimeKind.Utc), TimeSpan.FromMilliseconds(n.Interval)))
            .ToList();
        var next = (await connection.QueryAsync<(string Job, string JobGroup, string Trigger, string TriggerGroup, long Next)>(new CommandDefinition("""
            SELECT job_name, job_group, trigger_name, trigger_group, next_fire_time FROM qrtz_triggers
            WHERE trigger_state IN ('WAITING', 'ACQUIRED') AND next_fire_time > 0
            ORDER BY next_fire_time, trigger_name
            """, cancellationToken: cancellationToken)))
            .Take(NextFiringsShown)
            .Select(t => new EngineStatus.Firing(JobName(t.JobGroup, t.Job), $"{t.TriggerGroup}.{t.Trigger}", new DateTime(t.Next, DateTimeKind.Utc)))
            .ToList();
        var states = (await connection.QueryAsync<(string State, long Count)>(new CommandDefinition(
            "SELECT trigger_state, COUNT(*) FROM qrtz_triggers GROUP BY trigger_state", cancellationToken: cancellationToken))).ToList();
        long Count(string state) => states.Where(s => s.State == state).Sum(s => s.Count);
        return new EngineStatus.SchedulerPart(nodes, next, (int)Count("ERROR"), (int)(Count("PAUSED") + Count("PAUSED_BLOCKED")));
    }

    /// <summary>A job as a manager knows it: the round of a cycle, a re-audit, the chase of tasks.</summary>
    private static string JobName(string group, string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var (partnership, subject) = slash < 0 ? ("", name) : (name[..slash], name[(slash + 1)..]);
        return group switch
        {
            "cycle" => $"round of cycle {subject} ({partnership})",
            "re-audit" => $"re-audit of round {subject} ({partnership})",
            _ when name == Notifications.ChaseScheduler.Job.Name => "chase tasks (reminders, escalations)",
            _ when name == Actions.ActionScheduler.Job.Name => "follow up actions (overdue, monthly update requests)",
            _ => $"{group}.{name}",
        };
    }

    private sealed class WorkflowCounts
    {
        public long Due { get; set; }
        public long Sleeping { get; set; }
        public long WaitingForEvent { get; set; }
        public long Suspended { get; set; }
        public long WithErrors { get; set; }
        public long? OldestWaiting { get; set; }
    }

    private static async Task<EngineStatus.WorkflowPart> WorkflowsAsync(DbConnection connection, DateTime now, CancellationToken cancellationToken)
    {
        // WorkflowCore's statuses: 0 runnable, 1 suspended, 2 complete, 3 terminated; times are UTC ticks.
        var counts = await connection.QuerySingleAsync<WorkflowCounts>(new CommandDefinition("""
            SELECT
              (SELECT COUNT(*) FROM wf_instance WHERE status = 0 AND next_execution IS NOT NULL AND next_execution <= @Now) AS Due,
              (SELECT COUNT(*) FROM wf_instance WHERE status = 0 AND next_execution > @Now) AS Sleeping,
              (SELECT COUNT(*) FROM wf_instance WHERE status = 0 AND next_execution IS NULL) AS WaitingForEvent,
              (SELECT COUNT(*) FROM wf_instance WHERE status = 1) AS Suspended,
              (SELECT COUNT(DISTINCT e.instance_id) FROM wf_error e JOIN wf_instance i ON i.id = e.instance_id WHERE i.status IN (0, 1)) AS WithErrors,
              (SELECT MIN(create_time) FROM wf_instance WHERE status = 0 AND next_execution IS NULL) AS OldestWaiting
            """, new { Now = now.Ticks }, cancellationToken: cancellationToken));
        return new EngineStatus.WorkflowPart(counts.Due, counts.Sleeping, counts.WaitingForEvent, counts.Suspended, counts.WithErrors,
            counts.OldestWaiting is { } t ? new DateTime(t, DateTimeKind.Utc) : null);
    }

    private sealed class OutboxCounts
    {
        public long Queued { get; set; }
        public long Failed { get; set; }
        public long Delivered { get; set; }
        public DateTime? OldestUndelivered { get; set; }
    }

    private static async Task<EngineStatus.OutboxPart> OutboxAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var counts = await connection.QuerySingleAsync<OutboxCounts>(new CommandDefinition("""
            SELECT
              (SELECT COUNT(*) FROM notification_outbox WHERE status = @Pending) AS Queued,
              (SELECT COUNT(*) FROM notification_outbox WHERE status = @Failed) AS Failed,
              (SELECT COUNT(*) FROM notification_outbox WHERE status = @Delivered) AS Delivered,
              (SELECT MIN(created_utc) FROM notification_outbox WHERE status <> @Delivered) AS OldestUndelivered
            """, new { Notifications.Outbox.Pending, Notifications.Outbox.Failed, Notifications.Outbox.Delivered }, cancellationToken: cancellationToken));
        return new EngineStatus.OutboxPart(counts.Queued, counts.Failed, counts.Delivered, counts.OldestUndelivered);
    }

    private async Task<IReadOnlyList<EngineStatus.FailedFiringLine>> FailedFiringsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<FailedFiring>(new CommandDefinition("""
            SELECT partnership_id AS PartnershipId, cycle_id AS CycleId, kind AS Kind, scheduled_for_utc AS ScheduledForUtc, attempts AS Attempts, reason AS Reason
            FROM failed_firing WHERE status = @Failed ORDER BY scheduled_for_utc, firing_key
            """, new { FailedFiring.Failed }, cancellationToken: cancellationToken));
        var cycles = new Cycles.CycleStore(database, clock);
        var zones = new Dictionary<(string, string), string>();
        var lines = new List<EngineStatus.FailedFiringLine>();
        foreach (var r in rows)
        {
            if (!zones.TryGetValue((r.PartnershipId, r.CycleId), out var zone))
            {
                zone = (await cycles.GetAsync(r.PartnershipId, r.CycleId, cancellationToken))?.Schedule.TimeZone ?? FiringName.DefaultZone;
                zones[(r.PartnershipId, r.CycleId)] = zone;
            }

            lines.Add(new EngineStatus.FailedFiringLine(r.PartnershipId, r.CycleId, r.Kind, r.ScheduledForUtc, r.Attempts, r.Reason, FiringName.Of(r.ScheduledForUtc, zone)));
        }

        return lines;
    }

    private async Task<IReadOnlyList<EngineStatus.FailedJobLine>> FailedJobsAsync(CancellationToken cancellationToken) =>
        (await new JobFailures(database, clock).ListAsync(cancellationToken))
            .Select(j => new EngineStatus.FailedJobLine(j.JobKey, j.Failures, j.LastFailedUtc, j.LastError, j.Failing))
            .ToList();
}
