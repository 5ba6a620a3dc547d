using DeepDive.Engine.Tests.Support;

namespace DeepDive.Simulation.Tests;

public sealed class YearSimulationSqliteTests
{
    [Fact]
    public async Task Year_OnSqlite_RunsEveryRoundDeepDiveAndReAudit_ThroughQuartzAndWorkflows()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await YearExpectations.RunYearAndCheckAsync(sqlite.Database);
    }
}
