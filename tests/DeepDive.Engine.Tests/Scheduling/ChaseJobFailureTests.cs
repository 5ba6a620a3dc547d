using Dapper;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Notifications;
using DeepDive.Engine.Runtime;
using DeepDive.Simulation;
using DeepDive.Engine.Tests.Support;
using FluentAssertions;

namespace DeepDive.Engine.Tests.Scheduling;

/// <summary>A chase run that fails is recorded and tried again; the reminders after it still go.</summary>
public sealed class ChaseJobFailureTests
{
    private static DateTimeOffset London(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById("Europe/London").GetUtcOffset(local));
    }

    [Fact]
    public async Task A_chase_run_that_throws_once_is_recorded_as_a_failed_job_and_the_reminders_continue()
    {
        using var file = SqliteDatabase.CreateMigrated();
        var faulty = new FaultySqlite(file.Path);
        var database = faulty.Database;
        var start = London(2027, 10, 8, 12);
        await using var engine = await VirtualEngine.CreateAsync(database, start);
        var partnership = SyntheticPartnership.Generate(5, 300, start.UtcDateTime);
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await new CaseStore(database, engine.Clock).UpsertAsync(VirtualEngine.Partnership, partnership.Cases, connection, transaction, CancellationToken.None);
            await new AuditorStore(database, engine.Clock).UpsertAsync(VirtualEngine.Partnership, partnership.Auditors, connection, transaction, CancellationToken.None);
        }, CancellationToken.None);
        // Monday 11 October 2027, 09:00 BST, ten working days: due Monday 25 October; reminders on the 18th and the 22nd at 08:00.
        await engine.AddCyclesAsync(VirtualEngine.Cycle("autumn", "0 0 9 11 OCT ?", sampleSize: 1));
        await engine.StartAsync();
        await engine.RunUntilAsync(London(2027, 10, 15, 12));

        // The chase of Monday the 18th meets a locked database once.
        faulty.FailNext("FROM audit_task t", 1);
        await engine.RunUntilAsync(London(2027, 10, 29, 12));

        faulty.Injected.Should().Be(1);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var reminders = (await connection.QueryAsync<(string DedupKey, DateTime CreatedUtc)>(
            "SELECT dedup_key, created_utc FROM notification_outbox WHERE kind = 'reminder' ORDER BY created_utc")).ToList();
        reminders.Should().NotBeEmpty();
        // The failed run's reminders go five minutes later, at the retry; the next ones on time.
        reminders.Where(r => r.DedupKey.EndsWith(":5", StringComparison.Ordinal)).Should().NotBeEmpty().And.OnlyContain(r => r.CreatedUtc == London(2027, 10, 18, 8, 5).UtcDateTime);
        reminders.Where(r => r.DedupKey.EndsWith(":1", StringComparison.Ordinal)).Should().NotBeEmpty()
            .And.OnlyContain(r => r.CreatedUtc == London(2027, 10, 22, 8).UtcDateTime);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notification_outbox WHERE kind = 'escalation'")).Should().BeGreaterThan(0);

        var failures = await new JobFailures(database, engine.Clock).ListAsync(CancellationToken.None);
        var chase = failures.Should().ContainSingle().Subject;
        chase.JobKey.Should().Be(ChaseScheduler.Job.ToString());
        chase.Failures.Should().Be(1);
        chase.LastError.Should().Contain("database is locked");
        chase.LastFailedUtc.Should().Be(London(2027, 10, 18, 8).UtcDateTime);
        chase.Failing.Should().BeFalse("it ran without error since");
    }
}
