using Dapper;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Simulation;
using DeepDive.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Engine.Tests.Rounds;

public sealed class RoundStarterTests
{
    [Fact]
    public async Task SameFiringTwice_OpensOneRound_WithOneWorkflow()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await new PartnershipStore(sqlite.Database, clock).EnsureAsync("p", "p", CancellationToken.None);
        await new CycleStore(sqlite.Database, clock).AddOrUpdateAsync("p", DemoProgramme.Cycles()[0], CancellationToken.None);
        await using var runtime = DeepDiveRuntime.Create(sqlite.Database, clock, new RuntimeOptions { InstanceName = $"t-{Guid.NewGuid():N}" });
        await runtime.StartAsync(CancellationToken.None);
        var starter = runtime.Services.GetRequiredService<RoundStarter>();
        var firing = new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

        var first = await starter.StartScheduledAsync("p", DemoProgramme.Cycles()[0].Id, firing, CancellationToken.None);
        var second = await starter.StartScheduledAsync("p", DemoProgramme.Cycles()[0].Id, firing, CancellationToken.None);

        first.Should().NotBeNull();
        second.Should().BeNull("the firing already opened its round");
        await using var connection = await sqlite.Database.OpenAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_round")).Should().Be(1);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM wf_instance WHERE definition_id = 'audit-round'")).Should().Be(1);
    }
}
