using DeepDive.Domain.Cycles;
using DeepDive.Engine.Status;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Scheduling;
using DeepDive.Engine.Tests.Support;
using FluentAssertions;

namespace DeepDive.Engine.Tests.Status;

/// <summary>'deepdive status' reads the engine's state from the database the engine ran on, SQLite and PostgreSQL alike.</summary>
[Collection(PostgresCollection.Name)]
public sealed class EngineStatusQueryTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Due = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Status_OnSqlite_ShowsTheFailedFiringTheNextFiringsAndTheWorkflows()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await ShowsTheEngineAsync(sqlite.Database);
    }

    [PostgresFact]
    public async Task Status_OnPostgres_ShowsTheFailedFiringTheNextFiringsAndTheWorkflows() =>
        await ShowsTheEngineAsync(await postgres.CreateMigratedDatabaseAsync());

    [Fact]
    public async Task Status_OfADatabaseWithNoSchema_SaysToInitialiseIt()
    {
        using var empty = SqliteDatabase.Create();

        var status = await new EngineStatusQuery(empty.Database, TimeProvider.System).ReadAsync([], CancellationToken.None);

        status.Database.Reachable.Should().BeTrue();
        status.Database.ScriptsApplied.Should().Be(0);
        status.Problems.Should().ContainSingle().Which.Should().Contain("deepdive init");
        status.Healthy.Should().BeFalse();
    }

    [Fact]
    public async Task Status_OfAMigratedDatabaseTheEngineNeverRanOn_IsHealthyAndSaysTheSchedulerHasNoTablesYet()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();

        var status = await new EngineStatusQuery(sqlite.Database, TimeProvider.System).ReadAsync(["a warning from elsewhere"], CancellationToken.None);

        status.Database.ScriptsPending.Should().Be(0);
        status.Database.SchemaVersion.Should().Be(Path.GetFileNameWithoutExtension(Migrator.Scripts("sqlite")[^1].Name));
        status.Scheduler.Should().BeNull();
        status.Warnings.Should().Contain("a warning from elsewhere").And.Contain(w => w.Contains("no scheduler tables yet"));
        status.Problems.Should().BeEmpty();
        status.Healthy.Should().BeTrue();
    }

    private static async Task ShowsTheEngineAsync(Database database)
    {
        await using var engine = await VirtualEngine.CreateAsync(database, Due.AddDays(-10));
        await engine.AddCyclesAsync(
            VirtualEngine.Cycle("nobody", "0 0 9 1 MAR ?") with { Population = new PopulationFilter { Agencies = ["no-such-agency"] } },
            VirtualEngine.Cycle("fine", "0 0 9 1 MAR,SEP ?"));
        await engine.StartAsync();
        await engine.RunUntilAsync(Due.AddDays(1));

        var status = await new EngineStatusQuery(database, engine.Clock).ReadAsync([], CancellationToken.None);

        status.Problems.Should().BeEmpty();
        status.Database.Reachable.Should().BeTrue();
        status.Database.ScriptsPending.Should().Be(0);
        status.FailedFirings.Should().ContainSingle().Which.Should().Match<EngineStatus.FailedFiringLine>(f =>
            f.CycleId == "nobody" && f.ScheduledForUtc == Due.UtcDateTime && f.Reason.Contains("no-such-agency"));
        status.Scheduler!.NextFirings.Should().Contain(f => f.Job == "round of cycle fine (p)" && f.NextFireUtc == new DateTime(2027, 9, 1, 8, 0, 0, DateTimeKind.Utc));
        status.Scheduler.TriggersInError.Should().Be(0);
        var w = status.Workflows!;
        (w.Due + w.Sleeping + w.WaitingForEvent).Should().BeGreaterThan(0, "the fine round's deep dives wait for their tasks");
        w.WithErrors.Should().Be(0);
        (status.Outbox!.Queued + status.Outbox.Delivered).Should().BeGreaterThan(0, "the business team's notice of the failed firing");
        status.FailedJobs.Should().BeEmpty();
        status.Healthy.Should().BeFalse("a failed firing waits for a person");
    }
}
