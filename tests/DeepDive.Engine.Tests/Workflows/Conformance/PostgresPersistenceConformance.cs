using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

/// <summary>The conformance facts on our provider over a real PostgreSQL server, one database per fact.</summary>
[Collection(PostgresCollection.Name)]
[RequiresPostgres]
public sealed class PostgresPersistenceConformance(PostgresServer postgres) : DapperPersistenceConformance
{
    protected override Task<Database> CreateMigratedDatabaseAsync() => postgres.CreateMigratedDatabaseAsync();

    protected override async Task<Database> CreateEmptyDatabaseAsync() => Database.Open(await postgres.CreateDatabaseAsync());
}
