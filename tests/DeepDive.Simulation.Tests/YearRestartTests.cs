using Dapper;
using DeepDive.Simulation;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Simulation.Tests;

/// <summary>A year of the demo programme with the engine shut down and restarted in the middle: no round lost or doubled.</summary>
public sealed class YearRestartTests
{
    private sealed class Activities : IProgress<YearSimulation.Progress>
    {
        public List<string> Seen { get; } = [];

        public void Report(YearSimulation.Progress value)
        {
            lock (Seen)
            {
                Seen.Add(value.Activity);
            }
        }
    }

    private static async Task<(YearSummary Summary, List<string> Firings, List<string> Reminders, List<string> Activities)> RunAsync(Database database, DateTime? restartAt)
    {
        var activities = new Activities();
        var summary = await new YearSimulation(database, "demo", seed: 11).RunAsync(new YearSimulation.Options(
            new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2027, 12, 31, 23, 59, 0, DateTimeKind.Utc),
            CaseCount: 1500,
            InstanceName: $"test-{Guid.NewGuid():N}",
            RestartAtUtc: restartAt), activities, CancellationToken.None);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var firings = (await connection.QueryAsync<string>("SELECT firing_key FROM audit_round ORDER BY firing_key")).ToList();
        var reminders = (await connection.QueryAsync<string>("SELECT dedup_key FROM notification_outbox ORDER BY dedup_key")).ToList();
        return (summary, firings, reminders, activities.Seen);
    }

    [Fact]
    public async Task A_restart_in_the_middle_of_the_year_loses_and_doubles_no_round_and_no_reminder()
    {
        using var uninterrupted = SqliteDatabase.CreateMigrated();
        using var restarted = SqliteDatabase.CreateMigrated();

        var straight = await RunAsync(uninterrupted.Database, null);
        // Shut down on the evening of Sunday 6 June 2027: the engine is back for Monday morning, when reminders are due.
        var interrupted = await RunAsync(restarted.Database, new DateTime(2027, 6, 6, 20, 0, 0, DateTimeKind.Utc));

        interrupted.Activities.Should().Contain("engine restarted");
        straight.Activities.Should().NotContain("engine restarted");
        interrupted.Firings.Should().OnlyHaveUniqueItems().And.Equal(straight.Firings, "the same firings open the same rounds, once each");
        interrupted.Summary.ScheduledRounds.Should().Be(9);
        interrupted.Summary.CasesSampled.Should().Be(straight.Summary.CasesSampled);
        interrupted.Summary.TasksCompleted.Should().Be(straight.Summary.TasksCompleted);
        interrupted.Reminders.Should().OnlyHaveUniqueItems().And.Equal(straight.Reminders, "each reminder and escalation is sent once");
        await using var connection = await restarted.Database.OpenAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM wf_error")).Should().Be(0);
    }
}
