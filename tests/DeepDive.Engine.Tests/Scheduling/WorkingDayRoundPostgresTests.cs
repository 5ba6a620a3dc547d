using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Scheduling;

[Collection(PostgresCollection.Name)]
public sealed class WorkingDayRoundPostgresTests(PostgresServer postgres)
{
    [PostgresFact]
    public async Task EasterMonday_OnPostgres_MovesToTuesdayAtNineLocal_AndOpensOnce()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        await WorkingDayScenarios.EasterMondayMovesToTuesday_OnceAsync(database);
    }
}
