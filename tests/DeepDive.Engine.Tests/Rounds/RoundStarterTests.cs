using Dapper;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Runtime;
using DeepDive.Simulation;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Engine.Tests.Rounds;

[Collection(PostgresCollection.Name)]
public sealed class RoundStarterTests(PostgresServer postgres)
{
    private static readonly DateTime Firing = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task SameFiringTwice_OpensOneRound_WithOneWorkflow()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var clock = new FakeTimeProvider(new DateTimeOffset(Firing));
        await SamplingRegister.SeedAsync(sqlite.Database);
        var cycle = DemoProgramme.Cycles()[0] with { Population = new PopulationFilter() };
        await new CycleStore(sqlite.Database, clock).AddOrUpdateAsync("p", cycle, CancellationToken.None);
        await using var runtime = DeepDiveRuntime.Create(sqlite.Database, clock, new RuntimeOptions { InstanceName = $"t-{Guid.NewGuid():N}" });
        await runtime.StartAsync(CancellationToken.None);
        var starter = runtime.Services.GetRequiredService<RoundStarter>();

        var first = await starter.StartScheduledAsync("p", cycle.Id, Firing, CancellationToken.None);
        var second = await starter.StartScheduledAsync("p", cycle.Id, Firing, CancellationToken.None);

        first.Should().NotBeNull();
        second.Should().BeNull("the firing already opened its round");
        await using var connection = await sqlite.Database.OpenAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_round WHERE cycle_id = @Id", new { cycle.Id })).Should().Be(1);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM wf_instance WHERE definition_id = 'audit-round'")).Should().Be(1);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sample_case WHERE round_id = @RoundId AND list = 'sample'", new { first!.RoundId }))
            .Should().Be(10, "the draw is stored with the round, once");
    }

    public static TheoryData<string, string, string> BadDraws => new()
    {
        { "sqlite", "empty", "The population of cycle 'neglect' is empty: no case in the register matches its filter (agencies nobody; open cases) as at 2027-03-01 09:00 UTC. Nothing was drawn." },
        { "sqlite", "excluded", "The population of cycle 'neglect' is empty: 5 cases match its filter as at 2027-03-01 09:00 UTC, and every one is excluded (5 excluded by the rule 'Care proceedings'). Nothing was drawn." },
        { "sqlite", "too-large", "Cycle 'neglect' asks for a sample of 70, but only 61 cases can be drawn as at 2027-03-01 09:00 UTC: 80 match the filter, less 5 excluded by the rule 'Care proceedings'; 5 closed more than 12 months ago; 3 audited in the last 12 months; 6 a sibling is ranked ahead of them in the same family (one case per family). Lower sampleSize, widen the population or relax the exclusions. Nothing was drawn." },
        { "sqlite", "negative", "Cycle 'neglect' asks for a sample of -3; the sample size must be at least 1." },
        { "postgres", "empty", "The population of cycle 'neglect' is empty: no case in the register matches its filter (agencies nobody; open cases) as at 2027-03-01 09:00 UTC. Nothing was drawn." },
        { "postgres", "too-large", "Cycle 'neglect' asks for a sample of 70, but only 61 cases can be drawn as at 2027-03-01 09:00 UTC: 80 match the filter, less 5 excluded by the rule 'Care proceedings'; 5 closed more than 12 months ago; 3 audited in the last 12 months; 6 a sibling is ranked ahead of them in the same family (one case per family). Lower sampleSize, widen the population or relax the exclusions. Nothing was drawn." },
        { "postgres", "negative", "Cycle 'neglect' asks for a sample of -3; the sample size must be at least 1." },
    };

    [PostgresTheory]
    [MemberData(nameof(BadDraws))]
    public async Task FailedDraw_SaysWhy_AndLeavesNoRoundNoSampleAndNoWorkflow(string databaseKind, string problem, string message)
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var database = databaseKind == "sqlite" ? sqlite.Database : await postgres.CreateMigratedDatabaseAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(Firing));
        await SamplingRegister.SeedAsync(database);
        var cycle = SamplingRegister.Cycle();
        cycle = problem switch
        {
            "empty" => cycle with { Population = new PopulationFilter { Agencies = ["nobody"] }, Exclusions = new SampleExclusions() },
            "excluded" => cycle with { Population = new PopulationFilter { CaseTypes = ["court-proceedings"] }, Exclusions = cycle.Exclusions with { ClosedMoreThanMonths = null } },
            "too-large" => cycle with { SampleSize = 70 },
            _ => cycle with { SampleSize = -3 },
        };
        await StoreCycleAsIsAsync(database, clock, cycle);
        await using var runtime = DeepDiveRuntime.Create(database, clock, new RuntimeOptions { InstanceName = $"t-{Guid.NewGuid():N}" });
        await runtime.StartAsync(CancellationToken.None);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var before = await CountsAsync(connection);

        var act = () => runtime.Services.GetRequiredService<RoundStarter>().StartScheduledAsync("p", cycle.Id, Firing, CancellationToken.None);

        (await act.Should().ThrowAsync<SampleDrawException>()).Which.Message.Should().Be(message);
        (await CountsAsync(connection)).Should().Equal(before, "a failed draw stores no round, no sample row and no workflow");
    }

    /// <summary>Stores the cycle without the file's checks, as a cycle saved under older rules would be.</summary>
    private static async Task StoreCycleAsIsAsync(Database database, TimeProvider clock, CycleDefinition cycle)
    {
        var valid = cycle with { SampleSize = Math.Max(1, cycle.SampleSize) };
        await new CycleStore(database, clock).AddOrUpdateAsync("p", valid, CancellationToken.None);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("UPDATE cycle SET definition_json = @Json WHERE cycle_id = @Id", new { Json = CycleFile.Serialize(cycle), cycle.Id });
    }

    private static async Task<long[]> CountsAsync(System.Data.Common.DbConnection connection) =>
    [
        await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_round"),
        await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sample_case"),
        await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sample_change"),
        await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM wf_instance"),
    ];
}
