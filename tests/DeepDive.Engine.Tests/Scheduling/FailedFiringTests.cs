using Dapper;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.FiringFailures;
using DeepDive.Engine.Tests.Support;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Engine.Tests.Scheduling;

/// <summary>
/// Every firing ends with its round opened or a failed firing stored, in virtual time through the real scheduler: a
/// draw that cannot be made, a database that is locked for the first attempts, one that stays locked.
/// </summary>
public sealed class FailedFiringTests
{
    // Monday 1 March 2027, 09:00 in London (GMT): a working day.
    private static readonly DateTimeOffset Due = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private const string CycleFragment = "paused_utc AS PausedUtc";

    private static CycleDefinition Cycle(string id, PopulationFilter? population = null) =>
        VirtualEngine.Cycle(id, "0 0 9 1 MAR ?") with { Population = population ?? new PopulationFilter() };

    [Fact]
    public async Task A_draw_that_cannot_be_made_is_stored_as_a_failed_firing_with_one_notice_and_a_retry_opens_its_round_once()
    {
        using var file = SqliteDatabase.CreateMigrated();
        var database = file.Database;
        await using var engine = await VirtualEngine.CreateAsync(database, Due.AddDays(-10));
        await engine.AddCyclesAsync(Cycle("nobody", new PopulationFilter { Agencies = ["no-such-agency"] }));
        await engine.StartAsync();

        await engine.RunUntilAsync(Due.AddDays(1));

        (await engine.RoundsAsync("nobody")).Should().BeEmpty();
        var failed = await FailedAsync(database);
        failed.Should().ContainSingle();
        var firing = failed[0];
        firing.Status.Should().Be(FailedFiring.Failed);
        firing.ScheduledForUtc.Should().Be(Due.UtcDateTime);
        firing.Attempts.Should().Be(1, "a draw that cannot be made is not tried again");
        firing.Transient.Should().Be(0);
        firing.Reason.Should().Contain("no-such-agency", "the reason says what the population was");
        (await NoticesAsync(database)).Should().Be(1);
        var history = await new CycleStore(database, engine.Clock).HistoryAsync(VirtualEngine.Partnership, "nobody", CancellationToken.None);
        history.Should().Contain(e => e.Action == "firing-failed" && e.Detail!.Contains("2027-03-01 09:00"));

        // The cause is fixed (the filter corrected), then the round is opened by hand, twice: one round.
        await new CycleStore(database, engine.Clock).AddOrUpdateAsync(VirtualEngine.Partnership, Cycle("nobody"), CancellationToken.None);
        var retry = engine.Runtime!.Services.GetRequiredService<FiringRetry>();
        var first = await retry.RetryAsync(VirtualEngine.Partnership, "nobody", "2027-03-01T09:00", "QA lead", CancellationToken.None);
        var again = await retry.RetryAsync(VirtualEngine.Partnership, "nobody", "2027-03-01", "QA lead", CancellationToken.None);
        await engine.RunUntilAsync(Due.AddDays(2));

        var opened = first.Should().BeOfType<FiringRetry.Opened>().Subject;
        opened.ByThisRetry.Should().BeTrue();
        again.Should().BeOfType<FiringRetry.Opened>().Which.Should().Match<FiringRetry.Opened>(o => !o.ByThisRetry && o.RoundId == opened.RoundId);
        var rounds = await engine.RoundsAsync("nobody");
        rounds.Should().ContainSingle().Which.FiringKey.Should().Be("nobody@2027-03-01T09:00:00Z", "the retry keeps the firing's own key");
        (await FailedAsync(database)).Should().ContainSingle().Which.Should().Match<FailedFiring>(f =>
            f.Status == FailedFiring.Opened && f.RoundId == opened.RoundId && f.ResolvedBy == "QA lead");
        (await NoticesAsync(database)).Should().Be(1, "the business team is told once per failed firing");
        await using var connection = await database.OpenAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM deep_dive WHERE round_id = @R", new { R = opened.RoundId }))
            .Should().Be(2, "the retried round runs like any other: its sample's deep dives started");
    }

    [Fact]
    public async Task A_database_locked_for_the_first_two_attempts_still_opens_the_round_once_and_records_no_failure()
    {
        using var file = SqliteDatabase.CreateMigrated();
        var faulty = new FaultySqlite(file.Path);
        await using var engine = await VirtualEngine.CreateAsync(faulty.Database, Due.AddDays(-10));
        await engine.AddCyclesAsync(Cycle("locked"));
        await engine.StartAsync();
        faulty.FailNext(CycleFragment, 2);

        await engine.RunUntilAsync(Due.AddDays(1));

        faulty.Injected.Should().Be(2, "the firing met the locked database twice");
        (await engine.RoundsAsync("locked")).Should().ContainSingle().Which.FiringKey.Should().Be("locked@2027-03-01T09:00:00Z");
        (await FailedAsync(faulty.Database)).Should().BeEmpty();
        (await NoticesAsync(faulty.Database)).Should().Be(0);
    }

    [Fact]
    public async Task A_database_that_stays_locked_leaves_a_transient_failed_firing_after_every_attempt_and_a_retry_opens_it_later()
    {
        using var file = SqliteDatabase.CreateMigrated();
        var faulty = new FaultySqlite(file.Path);
        await using var engine = await VirtualEngine.CreateAsync(faulty.Database, Due.AddDays(-10));
        await engine.AddCyclesAsync(Cycle("stuck"));
        await engine.StartAsync();
        faulty.FailNext(CycleFragment, 4);

        await engine.RunUntilAsync(Due.AddDays(1));

        (await engine.RoundsAsync("stuck")).Should().BeEmpty();
        var firing = (await FailedAsync(faulty.Database)).Should().ContainSingle().Subject;
        firing.Attempts.Should().Be(4, "the first attempt and three retries");
        firing.Transient.Should().Be(1);
        firing.Reason.Should().Contain("database is locked");
        (await NoticesAsync(faulty.Database)).Should().Be(1);

        faulty.Heal();
        var outcome = await engine.Runtime!.Services.GetRequiredService<FiringRetry>()
            .RetryAsync(VirtualEngine.Partnership, "stuck", "2027-03-01T09:00", "QA lead", CancellationToken.None);
        outcome.Should().BeOfType<FiringRetry.Opened>().Which.ByThisRetry.Should().BeTrue();
        (await engine.RoundsAsync("stuck")).Should().ContainSingle();
    }

    [Fact]
    public async Task A_retry_of_a_firing_that_never_failed_is_refused_with_the_reason()
    {
        using var file = SqliteDatabase.CreateMigrated();
        await using var engine = await VirtualEngine.CreateAsync(file.Database, Due.AddDays(-10));
        await engine.AddCyclesAsync(Cycle("fine"));
        await engine.StartAsync();
        await engine.RunUntilAsync(Due.AddDays(1));

        var outcome = await engine.Runtime!.Services.GetRequiredService<FiringRetry>()
            .RetryAsync(VirtualEngine.Partnership, "fine", "2027-03-01T09:00", "QA lead", CancellationToken.None);

        outcome.Should().BeOfType<FiringRetry.Refused>().Which.Reason.Should().Contain("no failed firing '2027-03-01T09:00'");
        (await engine.RoundsAsync("fine")).Should().ContainSingle();
    }

    private static async Task<IReadOnlyList<FailedFiring>> FailedAsync(Engine.Storage.Database database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await FailedFirings.ListAsync(connection, VirtualEngine.Partnership, null, openOnly: false, CancellationToken.None);
    }

    private static async Task<long> NoticesAsync(Engine.Storage.Database database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notification_outbox WHERE kind = @Kind", new { Kind = FailedFirings.NoticeKind });
    }
}
