using DeepDive.Engine.Cycles;
using DeepDive.Engine.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DeepDive.Engine.Tests.Scheduling;

public sealed class CycleLifecycleTests
{
    // First Mondays, 09:00 London: 1 March (GMT), 5 April, 3 May, 7 June (BST).
    private static readonly DateTimeOffset March1 = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset April5 = new(2027, 4, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset May3 = new(2027, 5, 3, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset June7 = new(2027, 6, 7, 8, 0, 0, TimeSpan.Zero);

    private static async Task<Programme> RunningAsync(params int[] months)
    {
        var programme = new Programme(new DateTimeOffset(2027, 2, 20, 12, 0, 0, TimeSpan.Zero));
        await programme.SeedAsync();
        await programme.StartAsync();
        await programme.Lifecycle.AddOrUpdateAsync(Programme.Partnership, Programme.Cycle("neglect", months), CancellationToken.None);
        return programme;
    }

    private static Task<TriggerState> TriggerStateAsync(Programme programme) =>
        programme.Runtime.Services.GetRequiredService<CycleTriggers>().StateAsync(Programme.Partnership, "neglect", CancellationToken.None);

    [Fact]
    public async Task Paused_OpensNoRounds_AndResume_SkipsTheMissedFirings_InsteadOfABurst()
    {
        await using var programme = await RunningAsync(3, 4, 5, 6);
        await programme.AdvanceToAsync(March1.AddHours(1));
        (await programme.RoundsAsync()).Should().ContainSingle();

        (await programme.Lifecycle.PauseAsync(Programme.Partnership, "neglect", CancellationToken.None)).Should().BeTrue();
        (await TriggerStateAsync(programme)).Should().Be(TriggerState.Paused);
        await programme.AdvanceToAsync(April5.AddHours(1));
        await programme.AdvanceToAsync(May3.AddHours(1));
        (await programme.RoundsAsync()).Should().ContainSingle("a paused cycle opens no rounds");

        var resumed = await programme.Lifecycle.ResumeAsync(Programme.Partnership, "neglect", CancellationToken.None);
        await programme.IdleAsync();

        resumed.Skipped.Should().Equal(April5, May3);
        resumed.Next.Should().Be(June7);
        (await TriggerStateAsync(programme)).Should().Be(TriggerState.Normal);
        (await programme.RoundsAsync()).Should().ContainSingle("the firings missed while paused are not made up");
        var history = await new CycleStore(programme.Database, programme.Clock).HistoryAsync(Programme.Partnership, "neglect", CancellationToken.None);
        history.Select(h => h.Action).Should().Equal("added", "paused", "resumed");
        history[^1].Detail.Should().Be("skipped 2 firing(s) that fell while it was paused: 2027-04-05 08:00 UTC, 2027-05-03 08:00 UTC");

        await programme.AdvanceToAsync(June7);
        var rounds = await programme.RoundsAsync();
        rounds.Should().HaveCount(2);
        rounds[1].ScheduledForUtc.Should().Be(June7.UtcDateTime);
        rounds[1].Late.Should().Be(0);
    }

    [Fact]
    public async Task Paused_StaysPaused_AcrossARestartAndAnEdit()
    {
        await using var programme = await RunningAsync(3, 4);
        await programme.Lifecycle.PauseAsync(Programme.Partnership, "neglect", CancellationToken.None);
        await programme.Lifecycle.EditAsync(Programme.Partnership, "neglect", Programme.Cycle("neglect", [3, 4], sampleSize: 4), CancellationToken.None);
        await programme.StopAsync();
        programme.Clock.SetUtcNow(March1.AddHours(3));
        await programme.StartAsync();
        await programme.IdleAsync();

        (await TriggerStateAsync(programme)).Should().Be(TriggerState.Paused);
        (await programme.RoundsAsync()).Should().BeEmpty("a paused cycle's missed firing is not run after a restart either");
        (await programme.Lifecycle.PauseAsync(Programme.Partnership, "neglect", CancellationToken.None)).Should().BeFalse("it was already paused");
    }

    [Fact]
    public async Task Retired_RemovesTheTrigger_KeepsRoundsAndHistory_AndCannotBeResumedOrEdited()
    {
        await using var programme = await RunningAsync(3, 4);
        await programme.AdvanceToAsync(March1.AddHours(1));

        (await programme.Lifecycle.RetireAsync(Programme.Partnership, "neglect", CancellationToken.None)).Should().BeTrue();
        await programme.AdvanceToAsync(April5.AddHours(1));

        (await TriggerStateAsync(programme)).Should().Be(TriggerState.None);
        (await programme.RoundsAsync()).Should().ContainSingle("the round before retirement is kept, and no new one opens");
        var entry = await new CycleStore(programme.Database, programme.Clock).GetEntryAsync(Programme.Partnership, "neglect", CancellationToken.None);
        entry!.Status.Should().Be("retired");
        entry.RetiredUtc.Should().Be(March1.AddHours(1).UtcDateTime);
        var resume = () => programme.Lifecycle.ResumeAsync(Programme.Partnership, "neglect", CancellationToken.None);
        await resume.Should().ThrowAsync<CycleRefusedException>().WithMessage("cycle 'neglect' is retired and cannot be resumed*");
        var edit = () => programme.Lifecycle.EditAsync(Programme.Partnership, "neglect", Programme.Cycle("neglect", [5]), CancellationToken.None);
        await edit.Should().ThrowAsync<CycleRefusedException>().WithMessage("cycle 'neglect' is retired and cannot be edited*");
        var readd = () => programme.Lifecycle.AddOrUpdateAsync(Programme.Partnership, Programme.Cycle("neglect", [5]), CancellationToken.None);
        await readd.Should().ThrowAsync<CycleRefusedException>();
        (await TriggerStateAsync(programme)).Should().Be(TriggerState.None, "a refused change schedules nothing");
    }

    [Fact]
    public async Task Edit_FutureRoundsUseTheNewDefinition_ARunningRoundKeepsItsOwn()
    {
        await using var programme = await RunningAsync(3, 4);
        await programme.AdvanceToAsync(March1.AddHours(1));
        var first = (await programme.RoundsAsync()).Should().ContainSingle().Subject;

        await programme.Lifecycle.EditAsync(Programme.Partnership, "neglect",
            Programme.Cycle("neglect", [3, 4], sampleSize: 5, name: "Neglect deep dive, second version"), CancellationToken.None);
        await programme.AdvanceToAsync(April5.AddHours(1));

        var rounds = await programme.RoundsAsync();
        rounds.Should().HaveCount(2);
        CycleFile.Parse(rounds[0].CycleJson, "round 1").SampleSize.Should().Be(2, "the running round keeps the copy it started with");
        CycleFile.Parse(rounds[1].CycleJson, "round 2").Name.Should().Be("Neglect deep dive, second version");
        (await programme.ScalarAsync("SELECT COUNT(*) FROM deep_dive WHERE round_id = @R", new { R = rounds[0].RoundId })).Should().Be(2);
        (await programme.ScalarAsync("SELECT COUNT(*) FROM deep_dive WHERE round_id = @R", new { R = rounds[1].RoundId })).Should().Be(5);
        var history = await new CycleStore(programme.Database, programme.Clock).HistoryAsync(Programme.Partnership, "neglect", CancellationToken.None);
        CycleFile.Parse(history.Single(h => h.Action == "edited").PreviousDefinitionJson!, "history").SampleSize.Should().Be(2, "the history keeps the replaced definition");
        rounds[0].RoundId.Should().Be(first.RoundId);
    }

    [Fact]
    public async Task Edit_WithAnotherId_IsRefused_AndChangesNothing()
    {
        await using var programme = await RunningAsync(3);
        var act = () => programme.Lifecycle.EditAsync(Programme.Partnership, "neglect", Programme.Cycle("other", [3]), CancellationToken.None);

        await act.Should().ThrowAsync<CycleRefusedException>().WithMessage("The file is for cycle 'other', not 'neglect'*");
        (await new CycleStore(programme.Database, programme.Clock).ListAsync(Programme.Partnership, CancellationToken.None)).Select(c => c.Id).Should().Equal("neglect");
    }

    [Fact]
    public async Task AFiringTakenJustBeforeAPause_OpensNoRound_AndIsRecorded()
    {
        await using var programme = await RunningAsync(3);
        await programme.Lifecycle.PauseAsync(Programme.Partnership, "neglect", CancellationToken.None);

        // As if Quartz had acquired the firing before the pause reached its trigger.
        var started = await programme.Runtime.Services.GetRequiredService<DeepDive.Engine.Rounds.RoundStarter>()
            .StartScheduledAsync(Programme.Partnership, "neglect", March1.UtcDateTime, CancellationToken.None);

        started.Should().BeNull();
        (await programme.RoundsAsync()).Should().BeEmpty();
        var history = await new CycleStore(programme.Database, programme.Clock).HistoryAsync(Programme.Partnership, "neglect", CancellationToken.None);
        history[^1].Action.Should().Be("firing-skipped");
        history[^1].Detail.Should().Contain("2027-03-01 09:00 UTC was skipped: the cycle is paused");
    }
}
