using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

/// <summary>The scenarios on our provider over a real PostgreSQL server, one database per scenario.</summary>
[Collection(PostgresCollection.Name)]
[RequiresPostgres]
public sealed class PostgresWorkflowScenarios(PostgresServer postgres) : DapperWorkflowScenarios
{
    protected override Task<Database> CreateMigratedDatabaseAsync() => postgres.CreateMigratedDatabaseAsync();
}
