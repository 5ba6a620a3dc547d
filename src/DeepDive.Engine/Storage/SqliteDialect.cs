using System.Data.Common;
using Dapper;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.Sqlite;

namespace DeepDive.Engine.Storage;

public sealed class SqliteDialect : ISqlDialect
{
    public DatabaseKind Kind => DatabaseKind.Sqlite;
    public string MigrationsFolder => "sqlite";
    public bool SupportsSeveralNodes => false;

    public bool DriverBlocksCaller => true;

    public DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    // The pool hands the same native connection out again and again; its settings need setting once.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Prepared = new();

    public async Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var handle = ((SqliteConnection)connection).Handle;
        if (handle is not null && Prepared.TryGetValue(handle, out _))
        {
            return;
        }

        // WAL lets readers work beside the one writer; NORMAL sync is crash-safe for the process in WAL mode. The write
        // queue checkpoints beside the writers (SqliteWriteQueue); SQLite's own checkpoint, inside a commit, is the safety net.
        // A commit writes every page it changed to the log, so 2 KiB pages (SQLite's default is 4) halve the bytes of a
        // workflow persist: measured with deepdive bench workflows, 8% more workflows a second at one in flight. The page
        // size only takes on a file with no tables yet (Migrator opens a new file here first); older files keep theirs.
        await connection.ExecuteAsync(new CommandDefinition(
            "PRAGMA page_size=2048; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA wal_autocheckpoint=4000;", cancellationToken: cancellationToken));
        if (handle is not null)
        {
            Prepared.AddOrUpdate(handle, handle);
        }
    }

    /// <summary>Closes the connections to a file that are idle in the pool or kept by its write queue, so it can be deleted.</summary>
    public static void ClearPools(string connectionString)
    {
        Database.ReleaseKeptConnections(connectionString);
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Closes every idle SQLite connection of this process, pooled or kept by a write queue.</summary>
    public static void ClearAllPools()
    {
        Database.ReleaseKeptConnections(null);
        SqliteConnection.ClearAllPools();
    }

    // The upgrade lock is a write transaction: other processes' writers (and upgraders) wait for it (busy_timeout), and
    // every script runs inside it on this one connection, so an upgrade that fails leaves the file as it was.
    public Task LockForUpgradeAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("BEGIN IMMEDIATE", cancellationToken: cancellationToken));

    public Task UnlockAfterUpgradeAsync(DbConnection connection, bool succeeded, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(succeeded ? "COMMIT" : "ROLLBACK", cancellationToken: cancellationToken));

    public UpgradeEngineBuilder MigrationTarget(string connectionString, DbConnection locked) =>
        DeployChanges.To.SqliteDatabase(new DbUp.Sqlite.Helpers.SharedConnection(locked)).WithoutTransaction();

    public string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns) =>
        SqlText.InsertOnConflict(table, keyColumns, otherColumns, update: true);

    public string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns) =>
        SqlText.InsertOnConflict(table, keyColumns, otherColumns, update: false);

    public string UpsertKeepingEarliest(string table, IReadOnlyList<string> keyColumns, string column) =>
        SqlText.InsertKeepingEarliest(table, keyColumns, column);

    public string Ordinal(string column) => column;

    public string InList(string column, string parameter) => $"{column} IN {parameter}";

    public string Top(string selectWithOrderBy, int count) => $"{selectWithOrderBy} LIMIT {count}";

    public string Page(string selectWithOrderBy, int offset, int count) => $"{selectWithOrderBy} LIMIT {count} OFFSET {offset}";

    // DELETE ... LIMIT needs SQLite built with SQLITE_ENABLE_UPDATE_DELETE_LIMIT, which the bundled library is not.
    public string DeleteFirst(string table, string keyColumn, string where, int count) =>
        $"DELETE FROM {table} WHERE {keyColumn} IN (SELECT {keyColumn} FROM {table} WHERE {where} LIMIT {count})";
}
