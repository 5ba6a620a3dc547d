using System.Data.Common;
using Dapper;
using DbUp;
using DbUp.Builder;
using Npgsql;

namespace DeepDive.Engine.Storage;

public sealed class PostgresDialect : ISqlDialect
{
    public DatabaseKind Kind => DatabaseKind.Postgres;
    public string MigrationsFolder => "postgres";
    public bool SupportsSeveralNodes => true;

    public bool DriverBlocksCaller => false;

    public DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    // A session-level advisory lock, on a connection of its own, so it ends with the process that took it.
    public Task LockForUpgradeAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@Key)", new { Key = UpgradeLockKey },
            commandTimeout: UpgradeLockWaitSeconds, cancellationToken: cancellationToken));

    public Task UnlockAfterUpgradeAsync(DbConnection connection, bool succeeded, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@Key)", new { Key = UpgradeLockKey }, cancellationToken: cancellationToken));

    public UpgradeEngineBuilder MigrationTarget(string connectionString, DbConnection locked) =>
        DeployChanges.To.PostgresqlDatabase(connectionString).WithTransactionPerScript();

    private static readonly long UpgradeLockKey = Workflows.Locks.PostgresAdvisoryLocks.Key("schema-upgrade");

    /// <summary>How long a process waits for another's schema upgrade before giving up with an error.</summary>
    private const int UpgradeLockWaitSeconds = 600;

    public string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns) =>
        SqlText.InsertOnConflict(table, keyColumns, otherColumns, update: true);

    public string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns) =>
        SqlText.InsertOnConflict(table, keyColumns, otherColumns, update: false);

    public string UpsertKeepingEarliest(string table, IReadOnlyList<string> keyColumns, string column) =>
        SqlText.InsertKeepingEarliest(table, keyColumns, column);

    public string Ordinal(string column) => $"{column} COLLATE \"C\"";

    public string InList(string column, string parameter) => $"{column} = ANY({parameter})";

    public string Top(string selectWithOrderBy, int count) => $"{selectWithOrderBy} LIMIT {count}";

    public string Page(string selectWithOrderBy, int offset, int count) => $"{selectWithOrderBy} LIMIT {count} OFFSET {offset}";

    public string DeleteFirst(string table, string keyColumn, string where, int count) =>
        $"DELETE FROM {table} WHERE {keyColumn} IN (SELECT {keyColumn} FROM {table} WHERE {where} LIMIT {count})";
}
