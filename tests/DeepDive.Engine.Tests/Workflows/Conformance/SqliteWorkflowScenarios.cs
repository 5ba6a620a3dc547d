using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

/// <summary>The scenarios on our provider over SQLite, one database file per scenario.</summary>
public sealed class SqliteWorkflowScenarios : DapperWorkflowScenarios, IDisposable
{
    private SqliteDatabase? sqlite;

    protected override Task<Database> CreateMigratedDatabaseAsync() => Task.FromResult((sqlite = SqliteDatabase.CreateMigrated()).Database);

    public void Dispose() => sqlite?.Dispose();
}
