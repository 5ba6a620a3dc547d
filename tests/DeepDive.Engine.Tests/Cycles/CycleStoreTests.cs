using Dapper;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Engine.Tests.Cycles;

public sealed class CycleStoreTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "deepdive-cycles-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero));
    private Database database = null!;
    private CycleStore store = null!;

    public async Task InitializeAsync()
    {
        database = Database.Open(Path.Combine(folder, "deepdive.db"));
        Migrator.Upgrade(database);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(
            "INSERT INTO partnership (id, name, created_utc) VALUES ('north', 'North LSCP', '2026-12-01 00:00:00'), ('south', 'South LSCP', '2026-12-01 00:00:00')");
        store = new CycleStore(database, clock);
    }

    public Task DisposeAsync()
    {
        DeepDive.Engine.Storage.SqliteDialect.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    private static CycleDefinition Cycle(string id, string name = "Neglect: multi-agency deep dive") => new()
    {
        Id = id,
        Name = name,
        Theme = "neglect",
        PriorityTags = ["neglect"],
        Schedule = new CycleSchedule { Months = [3, 9] },
        Population = new PopulationFilter { Agencies = ["csc"], CaseTypes = ["child-in-need"] },
        SampleSize = 10,
    };

    [Fact]
    public async Task Get_AfterAdd_GivesTheSameDefinition()
    {
        var cycle = Cycle("neglect-2027");

        await store.AddOrUpdateAsync("north", cycle, CancellationToken.None);

        (await store.GetAsync("north", "neglect-2027", CancellationToken.None)).Should().BeEquivalentTo(cycle, o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public async Task Get_UnknownCycle_GivesNull()
    {
        (await store.GetAsync("north", "missing", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task AddOrUpdate_SameId_ReplacesTheDefinitionAndKeepsCreatedTime()
    {
        await store.AddOrUpdateAsync("north", Cycle("neglect-2027"), CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(3));
        var changed = Cycle("neglect-2027", "Neglect: renamed") with { SampleSize = 12 };

        await store.AddOrUpdateAsync("north", changed, CancellationToken.None);

        (await store.GetAsync("north", "neglect-2027", CancellationToken.None)).Should().BeEquivalentTo(changed, o => o.RespectingRuntimeTypes());
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var row = await connection.QuerySingleAsync<(string Name, string Status, DateTime CreatedUtc, DateTime UpdatedUtc)>(
            "SELECT name, status, created_utc, updated_utc FROM cycle WHERE partnership_id = 'north' AND cycle_id = 'neglect-2027'");
        row.Name.Should().Be("Neglect: renamed");
        row.Status.Should().Be("active");
        row.CreatedUtc.Should().Be(new DateTime(2027, 1, 4, 9, 0, 0, DateTimeKind.Utc));
        row.UpdatedUtc.Should().Be(new DateTime(2027, 1, 7, 9, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task List_GivesOnlyThisPartnershipsCyclesInIdOrder()
    {
        await store.AddOrUpdateAsync("north", Cycle("neglect-2027"), CancellationToken.None);
        await store.AddOrUpdateAsync("north", Cycle("exploitation-2027"), CancellationToken.None);
        await store.AddOrUpdateAsync("south", Cycle("south-only"), CancellationToken.None);

        var cycles = await store.ListAsync("north", CancellationToken.None);

        cycles.Select(c => c.Id).Should().Equal("exploitation-2027", "neglect-2027");
        (await store.GetAsync("north", "south-only", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task List_PartnershipWithoutCycles_IsEmpty()
    {
        (await store.ListAsync("south", CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task AddOrUpdate_InvalidDefinition_IsRefusedWithTheReason()
    {
        var act = () => store.AddOrUpdateAsync("north", Cycle("neglect-2027") with { SampleSize = 0 }, CancellationToken.None);

        (await act.Should().ThrowAsync<CycleFileException>()).Which.Errors.Should()
            .Equal(new CycleFileError("$.sampleSize", "value 0 is below the minimum of 1"));
        (await store.ListAsync("north", CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task AddOrUpdate_UnknownPartnership_SaysSo()
    {
        var act = () => store.AddOrUpdateAsync("west", Cycle("neglect-2027"), CancellationToken.None);

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("There is no partnership 'west'*");
    }
}
