using System.Data;
using System.Data.Common;
using DbUp.Builder;
using DeepDive.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace DeepDive.Engine.Tests.Support;

/// <summary>
/// A SQLite database whose commands fail on demand: the next N commands whose text contains a given fragment throw
/// SQLite's "database is locked" (as a locked file does once its busy timeout runs out), or another error. Everything
/// else runs on the real file, so the engine around the fault is the real one.
/// </summary>
public sealed class FaultySqlite
{
    private readonly object gate = new();
    private string? fragment;
    private int remaining;
    private Func<Exception> error = () => new SqliteException("database is locked", 5);

    public FaultySqlite(string path)
    {
        // Its own connection string, so its connections (and write queue) are its own, never another Database's for the same file.
        Database = new Database(new Dialect(this), $"Data Source={path};Pooling=True;Mode=ReadWriteCreate");
    }

    public Database Database { get; }

    /// <summary>How many commands have failed on purpose so far.</summary>
    public int Injected { get; private set; }

    /// <summary>The next <paramref name="count"/> commands whose SQL contains <paramref name="sqlFragment"/> fail.</summary>
    public void FailNext(string sqlFragment, int count, Func<Exception>? with = null)
    {
        lock (gate)
        {
            fragment = sqlFragment;
            remaining = count;
            error = with ?? (() => new SqliteException("database is locked", 5));
        }
    }

    public void Heal()
    {
        lock (gate)
        {
            remaining = 0;
        }
    }

    private void Check(string? sql)
    {
        lock (gate)
        {
            if (remaining <= 0 || fragment is null || sql is null || !sql.Contains(fragment, StringComparison.Ordinal))
            {
                return;
            }

            remaining--;
            Injected++;
            throw error();
        }
    }

    private sealed class Dialect(FaultySqlite faults) : ISqlDialect
    {
        private readonly SqliteDialect inner = new();

        public DatabaseKind Kind => inner.Kind;
        public string MigrationsFolder => inner.MigrationsFolder;
        public bool SupportsSeveralNodes => inner.SupportsSeveralNodes;
        public bool DriverBlocksCaller => inner.DriverBlocksCaller;
        public DbConnection CreateConnection(string connectionString) => new Connection(faults, connectionString);
        public Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => inner.PrepareAsync(connection, cancellationToken);
        public Task LockForUpgradeAsync(DbConnection connection, CancellationToken cancellationToken) => inner.LockForUpgradeAsync(connection, cancellationToken);
        public Task UnlockAfterUpgradeAsync(DbConnection connection, bool succeeded, CancellationToken cancellationToken) =>
            inner.UnlockAfterUpgradeAsync(connection, succeeded, cancellationToken);
        public UpgradeEngineBuilder MigrationTarget(string connectionString, DbConnection locked) => inner.MigrationTarget(connectionString, locked);
        public string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns) => inner.Upsert(table, keyColumns, otherColumns);
        public string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns) =>
            inner.InsertIfAbsent(table, keyColumns, otherColumns);
        public string UpsertKeepingEarliest(string table, IReadOnlyList<string> keyColumns, string column) => inner.UpsertKeepingEarliest(table, keyColumns, column);
        public string InList(string column, string parameter) => inner.InList(column, parameter);
        public string Ordinal(string column) => inner.Ordinal(column);
        public string Top(string selectWithOrderBy, int count) => inner.Top(selectWithOrderBy, count);
        public string Page(string selectWithOrderBy, int offset, int count) => inner.Page(selectWithOrderBy, offset, count);
        public string DeleteFirst(string table, string keyColumn, string where, int count) => inner.DeleteFirst(table, keyColumn, where, count);
    }

    private sealed class Connection(FaultySqlite faults, string connectionString) : SqliteConnection(connectionString)
    {
        public override SqliteCommand CreateCommand()
        {
            // The base command carries the connection's pending transaction, which SQLite's own commit and rollback need.
            using var plain = base.CreateCommand();
            return new Command(faults) { Connection = this, CommandTimeout = plain.CommandTimeout, Transaction = plain.Transaction };
        }
    }

    private sealed class Command(FaultySqlite faults) : SqliteCommand
    {
        public override SqliteDataReader ExecuteReader(CommandBehavior behavior)
        {
            faults.Check(CommandText);
            return base.ExecuteReader(behavior);
        }

        public override int ExecuteNonQuery()
        {
            faults.Check(CommandText);
            return base.ExecuteNonQuery();
        }

        public override object? ExecuteScalar()
        {
            faults.Check(CommandText);
            return base.ExecuteScalar();
        }
    }
}
