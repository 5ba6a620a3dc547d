using Dapper;

namespace DeepDive.Engine.Tests.Scheduling;

public sealed class RecoveredFiringTests
{
    private static readonly DateTimeOffset March1 = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Leaves Quartz's record of a StartRoundJob that was executing when the process died (as SIGKILL leaves it), so
    /// the next start recovers the job and runs it again through a recovery trigger.
    /// </summary>
    private static async Task LeaveAnInterruptedJobAsync(Programme programme, string entryId)
    {
        await using var connection = await programme.Database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("""
            INSERT INTO qrtz_fired_triggers (sched_name, entry_id, trigger_name, trigger_group, instance_name, fired_time, sched_time, priority, state,
                                             job_name, job_group, is_nonconcurrent, requests_recovery)
            VALUES (@Scheduler, @EntryId, 'p/neglect', 'cycle', 'NON_CLUSTERED', @Fired, @Scheduled, 5, 'EXECUTING', 'p/neglect', 'cycle', 1, 1)
            """, new { Scheduler = programme.InstanceName, EntryId = entryId, Fired = March1.AddMilliseconds(40).UtcTicks, Scheduled = March1.UtcTicks });
    }

    [Fact]
    public async Task AJobInterruptedByACrash_IsRunAgainOnRestart_ForTheSameFiring_AndOpensOneRound()
    {
        await using var programme = new Programme(new DateTimeOffset(2027, 2, 20, 12, 0, 0, TimeSpan.Zero));
        await programme.SeedAsync();
        await programme.StartAsync();
        await programme.Lifecycle.AddOrUpdateAsync(Programme.Partnership, Programme.Cycle("neglect", [3, 6]), CancellationToken.None);
        await programme.AdvanceToAsync(March1);
        await programme.StopAsync();
        (await programme.RoundsAsync()).Should().ContainSingle();

        // The process died in the job after opening the round: the recovered run finds the firing's round and opens none.
        await LeaveAnInterruptedJobAsync(programme, "crashed-after-commit");
        programme.Clock.SetUtcNow(March1.AddMinutes(20));
        await programme.StartAsync();
        await programme.IdleAsync();

        (await programme.ScalarAsync("SELECT COUNT(*) FROM qrtz_fired_triggers")).Should().Be(0, "the interrupted job was recovered and run");
        (await programme.ScalarAsync("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_group NOT IN ('cycle', 'system')")).Should().Be(0, "its recovery trigger fired and is gone (the system group holds the task-chasing trigger)");
        var round = (await programme.RoundsAsync()).Should().ContainSingle("the recovered run stands for the same firing").Subject;
        round.ScheduledForUtc.Should().Be(March1.UtcDateTime);
        round.Late.Should().Be(0, "the round itself opened on time, before the crash");
    }

    [Fact]
    public async Task AJobInterruptedBeforeItsRoundCommitted_OpensThatFiringsRound_Late()
    {
        await using var programme = new Programme(new DateTimeOffset(2027, 2, 20, 12, 0, 0, TimeSpan.Zero));
        await programme.SeedAsync();
        await programme.StartAsync();
        await programme.Lifecycle.AddOrUpdateAsync(Programme.Partnership, Programme.Cycle("neglect", [3, 6]), CancellationToken.None);
        await programme.StopAsync();

        // As Quartz leaves it when the process dies inside the job, before the round's transaction commits: the trigger
        // has moved on to June, and the March firing is recorded as executing.
        await using (var connection = await programme.Database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE qrtz_triggers SET prev_fire_time = @March, next_fire_time = @June WHERE trigger_name = 'p/neglect'",
                new { March = March1.UtcTicks, June = new DateTimeOffset(2027, 6, 7, 8, 0, 0, TimeSpan.Zero).UtcTicks });
        }

        await LeaveAnInterruptedJobAsync(programme, "crashed-before-commit");
        programme.Clock.SetUtcNow(March1.AddMinutes(20));
        await programme.StartAsync();
        await programme.IdleAsync();

        var round = (await programme.RoundsAsync()).Should().ContainSingle().Subject;
        round.ScheduledForUtc.Should().Be(March1.UtcDateTime, "the recovery trigger's run is the March firing, not a new one");
        round.StartedUtc.Should().Be(March1.AddMinutes(20).UtcDateTime);
        round.Late.Should().Be(1);
    }
}
