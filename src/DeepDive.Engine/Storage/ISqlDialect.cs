using System.Data.Common;
using DbUp.Builder;

namespace DeepDive.Engine.Storage;

/// <summary>Everything that differs between the databases DeepDive runs on; SQL elsewhere is written once.</summary>
public interface ISqlDialect
{
    DatabaseKind Kind { get; }

    /// <summary>The folder under <c>sql/</c> that holds this dialect's migrations.</summary>
    string MigrationsFolder { get; }

    /// <summary>Whether several processes may share this database (clustered Quartz, distributed workflow locks).</summary>
    bool SupportsSeveralNodes { get; }

    /// <summary>
    /// Whether the driver does its I/O on the calling thread even when called asynchronously (Microsoft.Data.Sqlite has
    /// no asynchronous I/O): an awaited call then returns already complete and never lets the caller go on meanwhile.
    /// </summary>
    bool DriverBlocksCaller { get; }

    DbConnection CreateConnection(string connectionString);

    /// <summary>Runs once on every newly opened connection.</summary>
    Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Takes, on <paramref name="connection"/>, the lock that lets one process at a time upgrade the schema, waiting while
    /// another process does: nodes started together on a new database would otherwise all apply the first script at once.
    /// </summary>
    Task LockForUpgradeAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the upgrade lock back. Where the lock is the transaction the scripts ran in (SQLite), this commits them, or
    /// rolls all of them back when <paramref name="succeeded"/> is false.
    /// </summary>
    Task UnlockAfterUpgradeAsync(DbConnection connection, bool succeeded, CancellationToken cancellationToken);

    /// <summary>Where DbUp applies the scripts, and in which transactions; <paramref name="locked"/> holds the upgrade lock.</summary>
    UpgradeEngineBuilder MigrationTarget(string connectionString, DbConnection locked);

    /// <summary>An insert that updates the non-key columns when a row with the same key exists.</summary>
    string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns);

    /// <summary>An insert that does nothing when a row with the same key exists.</summary>
    string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns);

    /// <summary>An insert that, when the key exists, keeps the smaller of the stored and the new <paramref name="column"/>.</summary>
    string UpsertKeepingEarliest(string table, IReadOnlyList<string> keyColumns, string column);

    /// <summary>A test that <paramref name="column"/> is one of the values in a list parameter (Dapper expands it, or the server takes an array).</summary>
    string InList(string column, string parameter);

    /// <summary>An ORDER BY term that sorts text by code point on every database, whatever its collation.</summary>
    string Ordinal(string column);

    /// <summary>Limits a SELECT ... ORDER BY query to the first <paramref name="count"/> rows.</summary>
    string Top(string selectWithOrderBy, int count);

    /// <summary>Limits a SELECT ... ORDER BY query to <paramref name="count"/> rows after the first <paramref name="offset"/>: one page of a list.</summary>
    string Page(string selectWithOrderBy, int offset, int count);

    /// <summary>Deletes at most <paramref name="count"/> of the rows of <paramref name="table"/> that match <paramref name="where"/>,
    /// whichever the database finds first; <paramref name="keyColumn"/> is the table's single-column key.</summary>
    string DeleteFirst(string table, string keyColumn, string where, int count);
}
