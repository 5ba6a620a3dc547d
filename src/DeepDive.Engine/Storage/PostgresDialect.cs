using System.Data.Common;
using DbUp;
using DbUp.Builder;
using Npgsql;

namespace DeepDive.Engine.Storage;

public sealed class PostgresDialect : ISqlDialect
{
    public DatabaseKind Kind => DatabaseKind.Postgres;
    public string MigrationsFolder => "postgres";
    public bool SupportsSeveralNodes => true;

    public DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public Task PrepareAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    public UpgradeEngineBuilder MigrationTarget(string connectionString) => DeployChanges.To.PostgresqlDatabase(connectionString);

    public string Upsert(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns) =>
        SqlText.InsertOnConflict(table, keyColumns, otherColumns, update: true);

    public string InsertIfAbsent(string table, IReadOnlyList<string> keyColumns, IReadOnlyList<string> otherColumns) =>
        SqlText.InsertOnConflict(table, keyColumns, otherColumns, update: false);

    public string UpsertKeepingEarliest(string table, IReadOnlyList<string> keyColumns, string column) =>
        SqlText.InsertKeepingEarliest(table, keyColumns, column);

    public string Ordinal(string column) => $"{column} COLLATE \"C\"";

    public string InList(string column, string parameter) => $"{column} = ANY({parameter})";

    public string Top(string selectWithOrderBy, int count) => $"{selectWithOrderBy} LIMIT {count}";

    public string DeleteFirst(string table, string keyColumn, string where, int count) =>
        $"DELETE FROM {table} WHERE {keyColumn} IN (SELECT {keyColumn} FROM {table} WHERE {where} LIMIT {count})";
}
