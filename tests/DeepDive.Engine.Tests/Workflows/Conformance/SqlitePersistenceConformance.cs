using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

/// <summary>The conformance facts on our provider over SQLite, one database file per fact.</summary>
public sealed class SqlitePersistenceConformance : DapperPersistenceConformance, IDisposable
{
    private SqliteDatabase? sqlite;

    protected override Task<Database> CreateMigratedDatabaseAsync() => Task.FromResult((sqlite = SqliteDatabase.CreateMigrated()).Database);

    protected override Task<Database> CreateEmptyDatabaseAsync() => Task.FromResult((sqlite = SqliteDatabase.Create()).Database);

    public void Dispose() => sqlite?.Dispose();
}
