using DeepDive.Engine.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Engine.Tests.Scheduling;

public sealed class LateFiringTests
{
    private static readonly DateTimeOffset March1 = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);   // first Monday of March, 09:00 London (GMT)
    private static readonly DateTimeOffset April5 = new(2027, 4, 5, 8, 0, 0, TimeSpan.Zero);   // first Monday of April, 09:00 London (BST)

    [Fact]
    public async Task RoundsDueWhileTheServiceWasDown_RunOnceWhenItComesBack_MarkedLate()
    {
        await using var programme = new Programme(new DateTimeOffset(2027, 2, 20, 12, 0, 0, TimeSpan.Zero));
        await programme.SeedAsync();
        await programme.StartAsync();
        await programme.Lifecycle.AddOrUpdateAsync(Programme.Partnership, Programme.Cycle("neglect", [3, 4, 9]), CancellationToken.None);
        await programme.IdleAsync();
        await programme.StopAsync();

        // Down over both the March and the April firing; back two and a half hours after the April one.
        programme.Clock.SetUtcNow(April5.AddHours(2.5));
        await programme.StartAsync();
        await programme.IdleAsync();

        var rounds = await programme.RoundsAsync();
        var round = rounds.Should().ContainSingle("a trigger that missed its firings while the service was down fires once, not once per missed firing").Subject;
        round.ScheduledForUtc.Should().Be(April5.UtcDateTime, "the round stands for the latest firing it missed");
        round.StartedUtc.Should().Be(April5.AddHours(2.5).UtcDateTime);
        round.Late.Should().Be(1);
        round.Note.Should().Contain("late: due 2027-04-05 09:00 Europe/London").And.Contain("earlier firings missed and not run: 2027-03-01 09:00");

        // Running on from here, the next firing is on time.
        await programme.AdvanceToAsync(new DateTimeOffset(2027, 9, 6, 8, 0, 0, TimeSpan.Zero));
        rounds = await programme.RoundsAsync();
        rounds.Should().HaveCount(2);
        rounds[1].ScheduledForUtc.Should().Be(new DateTime(2027, 9, 6, 8, 0, 0, DateTimeKind.Utc));
        rounds[1].Late.Should().Be(0);
        rounds[1].Note.Should().BeNull();
    }

    [Fact]
    public async Task AFiringRunTwice_AfterAMisfire_StillOpensOneRound()
    {
        await using var programme = new Programme(new DateTimeOffset(2027, 2, 20, 12, 0, 0, TimeSpan.Zero));
        await programme.SeedAsync();
        await programme.StartAsync();
        await programme.Lifecycle.AddOrUpdateAsync(Programme.Partnership, Programme.Cycle("neglect", [3]), CancellationToken.None);
        await programme.StopAsync();
        programme.Clock.SetUtcNow(March1.AddHours(1));
        await programme.StartAsync();
        await programme.IdleAsync();

        (await programme.RoundsAsync()).Should().ContainSingle().Which.ScheduledForUtc.Should().Be(March1.UtcDateTime);

        // The same firing again, as a recovery trigger would run it on another node: no second round.
        var again = await programme.Runtime.Services.GetRequiredService<DeepDive.Engine.Rounds.RoundStarter>()
            .StartScheduledAsync(Programme.Partnership, "neglect", new DeepDive.Engine.Rounds.FiringTime(March1.UtcDateTime, true, []), null, CancellationToken.None);

        again.Should().BeNull();
        (await programme.RoundsAsync()).Should().ContainSingle().Which.Late.Should().Be(1);
    }

    [Fact]
    public void Firings_LatestAtOrBefore_FindsTheCronInstant_ForFrequentAndRareSchedules()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var everySecond = CycleCron.NextAfter("* * * ? * *", zone);
        var quarterly = CycleCron.NextAfter("0 0 9 ? 3,6,9,12 MON#1", zone);
        var at = new DateTimeOffset(2027, 7, 14, 10, 30, 15, 250, TimeSpan.Zero);

        Domain.Cycles.Firings.LatestAtOrBefore(everySecond, at).Should().Be(new DateTimeOffset(2027, 7, 14, 10, 30, 15, TimeSpan.Zero));
        Domain.Cycles.Firings.LatestAtOrBefore(quarterly, at).Should().Be(new DateTimeOffset(2027, 6, 7, 8, 0, 0, TimeSpan.Zero), "09:00 BST");
        Domain.Cycles.Firings.Between(quarterly, new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), at)
            .Should().Equal(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 6, 7, 8, 0, 0, TimeSpan.Zero));
    }
}
