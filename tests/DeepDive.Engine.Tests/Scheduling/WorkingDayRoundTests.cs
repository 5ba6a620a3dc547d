using Dapper;
using DeepDive.Engine.Scheduling;
using DeepDive.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static DeepDive.Engine.Tests.Scheduling.WorkingDayScenarios;

namespace DeepDive.Engine.Tests.Scheduling;

/// <summary>Rounds that fall on a day that is not a working day, through Quartz in virtual time on SQLite.</summary>
public sealed class WorkingDayRoundTests
{
    [Fact]
    public async Task EasterMonday_AcrossTheStartOfSummerTime_MovesToTuesdayAtNineLocal_AndOpensOnce()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await EasterMondayMovesToTuesday_OnceAsync(sqlite.Database);
    }

    [Fact]
    public async Task LateOctober_NineLocalEitherSideOfTheClocksGoingBack_AndTheHalfTermMovesOnlyTheCycleThatAvoidsIt()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await using var engine = await VirtualEngine.CreateAsync(sqlite.Database, At(2027, 10, 16));
        await ImportTermsAsync(engine);
        await engine.AddCyclesAsync(
            VirtualEngine.Cycle("schools", "0 0 9 ? OCT,NOV TUE", avoidSchoolHolidays: true),
            VirtualEngine.Cycle("others", "0 0 9 ? OCT,NOV TUE"));
        await engine.StartAsync();

        await engine.RunUntilAsync(At(2027, 11, 6));

        // Tuesdays 19 and 26 October are in summer time (08:00 UTC); the clocks go back on Sunday 31 October; Tuesday 2 November is 09:00 UTC.
        var others = await engine.RoundsAsync("others");
        others.Select(r => r.ScheduledForUtc).Should().Equal(Utc(2027, 10, 19, 8), Utc(2027, 10, 26, 8), Utc(2027, 11, 2, 9));
        others.Should().OnlyContain(r => r.MovedFromUtc == null);

        var schools = await engine.RoundsAsync("schools");
        schools.Select(r => r.ScheduledForUtc).Should().Equal(Utc(2027, 10, 19, 8), Utc(2027, 11, 1, 9), Utc(2027, 11, 2, 9));
        schools.Should().OnlyContain(r => TimeZoneInfo.ConvertTimeFromUtc(r.ScheduledForUtc, London).Hour == 9);
        schools[1].MovedFromUtc.Should().Be(Utc(2027, 10, 26, 8));
        schools[1].MoveReason.Should().Be("school holiday: October half term");
        (await engine.ErrorsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task ChristmasDay_OnAMonday_MovesPastBoxingDay_ToWednesday_Once()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await using var engine = await VirtualEngine.CreateAsync(sqlite.Database, At(2028, 12, 20));
        await engine.AddCyclesAsync(VirtualEngine.Cycle("christmas", "0 0 9 25 DEC ?"));
        await engine.StartAsync();

        await engine.RunUntilAsync(At(2029, 1, 5));

        var round = (await engine.RoundsAsync("christmas")).Should().ContainSingle().Subject;
        round.ScheduledForUtc.Should().Be(Utc(2028, 12, 27, 9));
        round.MovedFromUtc.Should().Be(Utc(2028, 12, 25, 9));
        round.MoveReason.Should().Be("Christmas Day (bank holiday); then Boxing Day (bank holiday)");
        (await engine.WaitingMovedTriggersAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Restart_BetweenTheBankHolidayAndTheMovedFiring_OpensTheRoundOnce_OnTheWorkingDay()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await using var engine = await VirtualEngine.CreateAsync(sqlite.Database, At(2027, 4, 28));
        // First Monday of May 2027 is the Early May bank holiday.
        await engine.AddCyclesAsync(VirtualEngine.Cycle("may", "0 0 9 ? MAY MON#1"));
        await engine.StartAsync();
        await engine.RunUntilAsync(At(2027, 5, 3, 12));
        (await engine.RoundsAsync("may")).Should().BeEmpty();
        (await engine.WaitingMovedTriggersAsync()).Should().Be(1);

        await engine.StopAsync();
        await engine.StartAsync(scheduleCycles: false);
        await engine.RunUntilAsync(At(2027, 5, 10));

        var round = (await engine.RoundsAsync("may")).Should().ContainSingle().Subject;
        round.ScheduledForUtc.Should().Be(Utc(2027, 5, 4, 8));
        round.MovedFromUtc.Should().Be(Utc(2027, 5, 3, 8));
        round.MoveReason.Should().Be("Early May bank holiday (bank holiday)");
        (await engine.WaitingMovedTriggersAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Restart_AfterTheMovedFiringWasDue_FiresItOnceOnComingBack()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await using var engine = await VirtualEngine.CreateAsync(sqlite.Database, At(2027, 4, 28));
        await engine.AddCyclesAsync(VirtualEngine.Cycle("may", "0 0 9 ? MAY MON#1"));
        await engine.StartAsync();
        await engine.RunUntilAsync(At(2027, 5, 3, 12));
        await engine.StopAsync();

        // Down through Tuesday morning, when the moved round was due.
        engine.Clock.SetUtcNow(At(2027, 5, 4, 15));
        await engine.StartAsync(scheduleCycles: false);
        await engine.RunUntilAsync(At(2027, 5, 10));

        var round = (await engine.RoundsAsync("may")).Should().ContainSingle().Subject;
        round.FiringKey.Should().Be("may@2027-05-03T08:00:00Z");
        round.MovedFromUtc.Should().Be(Utc(2027, 5, 3, 8));
        (await engine.WaitingMovedTriggersAsync()).Should().Be(0);
    }

    [Fact]
    public async Task AFiringHandledTwice_SchedulesOneMovedTrigger_AndOpensOneRound()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await using var engine = await VirtualEngine.CreateAsync(sqlite.Database, At(2027, 5, 3, 8));
        await engine.AddCyclesAsync(VirtualEngine.Cycle("may", "0 0 9 ? MAY MON#1"));
        await engine.StartAsync(scheduleCycles: true);
        var firing = engine.Runtime!.Services.GetRequiredService<RoundFiring>();
        var original = At(2027, 5, 3, 8);

        // The job re-run after a crash: the same firing handled twice before the moved time...
        (await firing.HandleAsync(VirtualEngine.Partnership, "may", original, original, CancellationToken.None)).Should().BeOfType<RoundFiring.Deferred>();
        (await firing.HandleAsync(VirtualEngine.Partnership, "may", original, original, CancellationToken.None)).Should().BeOfType<RoundFiring.Deferred>();
        (await engine.WaitingMovedTriggersAsync()).Should().Be(1);

        // ...and the moved firing handled twice at the moved time.
        var moved = At(2027, 5, 4, 8);
        var first = await firing.HandleAsync(VirtualEngine.Partnership, "may", original, moved, CancellationToken.None);
        var second = await firing.HandleAsync(VirtualEngine.Partnership, "may", original, moved, CancellationToken.None);

        first.Should().BeOfType<RoundFiring.Opened>().Which.Round.Should().NotBeNull();
        second.Should().BeOfType<RoundFiring.Opened>().Which.Round.Should().BeNull("the firing already opened its round");
        (await engine.RoundsAsync("may")).Should().ContainSingle();
    }

    [Fact]
    public async Task ACycleThatFiresOnAnyDay_IsNotMoved()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await using var engine = await VirtualEngine.CreateAsync(sqlite.Database, At(2027, 5, 1));
        var cycle = VirtualEngine.Cycle("any-day", "0 0 9 ? MAY MON#1");
        await engine.AddCyclesAsync(cycle with { Schedule = cycle.Schedule with { WorkingDaysOnly = false } });
        await engine.StartAsync();

        await engine.RunUntilAsync(At(2027, 5, 5));

        var round = (await engine.RoundsAsync("any-day")).Should().ContainSingle().Subject;
        round.ScheduledForUtc.Should().Be(Utc(2027, 5, 3, 8));
        round.MovedFromUtc.Should().BeNull();
    }
}
