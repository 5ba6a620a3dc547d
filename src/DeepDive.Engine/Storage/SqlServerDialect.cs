using System.Data.Common;
using Dapper;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.SqlClient;

namespace DeepDive.Engine.Storage;

public sealed class SqlServerDialect : ISqlDialect
{
    public DatabaseKind Kind => DatabaseKind.SqlServer;
    public string MigrationsFolder => "sqlserver";
    public bool SupportsSeveralNodes => true;

    public bool DriverBlocksCaller => false;

    public DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Takes the schema upgrade's application lock for the session, waiting up to 10 minutes; returns sp_getapplock's result (0 or 1 when taken).</summary>
    public const string LockForUpgrade = """
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = 'deepdive:schema-upgrade', @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 600000;
        SELECT @result;
        """;

    public const string UnlockAfterUpgrade = "EXEC sp_releaseapplock @Resource = 'deepdive:schema-upgrade', @LockOwner = 'Session';";

    public async Task LockForUpgradeAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var result = await connection.ExecuteScalarAsync<int>(new CommandDefinition(LockForUpgrade, commandTimeout: 0, cancellationToken: cancellationToken));
        if (result < 0)
        {
            throw new InvalidOperationException(
                $"The schema upgrade could not start: another process has held its lock for 10 minutes (sp_getapplock returned {result}).");
        }
    }

    public Task UnlockAfterUpgradeAsync(DbConnection connection, bool succeeded, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(UnlockAfterUpgrade, cancellationToken: cancellationToken));

    public UpgradeEngineBuilder MigrationTarget(string connectionString, DbConnection locked) =>
        DeployChanges.To.SqlDatabase(connectionString).WithTransactionPerScript();

    public string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns) =>
        Merge(table, keyColumns, otherColumns, update: true);

    public string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns) =>
        Merge(table, keyColumns, otherColumns, update: false);

    public string UpsertKeepingEarliest(string table, IReadOnlyList<string> keyColumns, string column)
    {
        var all = keyColumns.Append(column).ToList();
        var source = string.Join(", ", all.Select(c => $"@{SqlText.Param(c)} AS {c}"));
        var on = string.Join(" AND ", keyColumns.Select(c => $"target.{c} = source.{c}"));
        return $"MERGE INTO {table} WITH (HOLDLOCK) AS target USING (SELECT {source}) AS source ON {on} "
            + $"WHEN MATCHED AND source.{column} < target.{column} THEN UPDATE SET {column} = source.{column} "
            + $"WHEN NOT MATCHED THEN INSERT ({string.Join(", ", all)}) VALUES ({string.Join(", ", all.Select(c => $"source.{c}"))});";
    }

    public string Ordinal(string column) => $"{column} COLLATE Latin1_General_BIN2";

    public string InList(string column, string parameter) => $"{column} IN {parameter}";

    public string Top(string selectWithOrderBy, int count) =>
        $"{selectWithOrderBy} OFFSET 0 ROWS FETCH NEXT {count} ROWS ONLY";

    public string Page(string selectWithOrderBy, int offset, int count) =>
        $"{selectWithOrderBy} OFFSET {offset} ROWS FETCH NEXT {count} ROWS ONLY";

    public string DeleteFirst(string table, string keyColumn, string where, int count) =>
        $"DELETE TOP ({count}) FROM {table} WHERE {where}";

    private static string Merge(string table, IReadOnlyList<string> keys, IReadOnlyList<string> others, bool update)
    {
        var all = keys.Concat(others).ToList();
        var source = string.Join(", ", all.Select(c => $"@{SqlText.Param(c)} AS {c}"));
        var on = string.Join(" AND ", keys.Select(c => $"target.{c} = source.{c}"));
        var insert = $"INSERT ({string.Join(", ", all)}) VALUES ({string.Join(", ", all.Select(c => $"source.{c}"))})";
        var matched = update && others.Count > 0
            ? $" WHEN MATCHED THEN UPDATE SET {string.Join(", ", others.Select(c => $"{c} = source.{c}"))}"
            : "";
        return $"MERGE INTO {table} WITH (HOLDLOCK) AS target USING (SELECT {source}) AS source ON {on}{matched} WHEN NOT MATCHED THEN {insert};";
    }
}
