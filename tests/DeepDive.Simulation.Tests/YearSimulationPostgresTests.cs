using DeepDive.Engine.Tests.Support;

namespace DeepDive.Simulation.Tests;

[Collection(PostgresCollection.Name)]
public sealed class YearSimulationPostgresTests(PostgresServer postgres)
{
    [PostgresFact]
    public async Task Year_OnPostgres_RunsEveryRoundDeepDiveAndReAudit_ThroughQuartzAndWorkflows()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        await YearExpectations.RunYearAndCheckAsync(database);
    }
}
