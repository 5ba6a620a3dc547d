using System.Diagnostics;
using System.Globalization;
using Dapper;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;
using DeepDive.Engine.Tests.Workflows.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace DeepDive.Engine.Tests.Scheduling;

[Collection(PostgresCollection.Name)]
public sealed class ClusteredSchedulingTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const int Firings = 200;
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [PostgresFact]
    public async Task TwoProcesses_200Firings_EachOpensExactlyOneRound_AndTheSurvivorTakesOverFromOneKilledMidway()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var database = Database.Open(connection);
        Migrator.Upgrade(database);
        await new PartnershipStore(database, TimeProvider.System).EnsureAsync("p", "p", CancellationToken.None);
        // A register to draw from (an empty population opens no round); no auditors, so the rounds' tasks simply wait.
        var register = DeepDive.Simulation.SyntheticPartnership.Generate(7, 1000, DateTime.UtcNow);
        await database.InTransactionAsync((c, t) =>
            new DeepDive.Engine.Cases.CaseStore(database, TimeProvider.System).UpsertAsync("p", register.Cases, c, t, CancellationToken.None), CancellationToken.None);

        // 200 cycles, each with a cron that fires once (it names the year), two a second over 100 seconds, on whatever day the
        // test runs (working days only is off): the test is about the firings, not the audits.
        var first = DateTimeOffset.UtcNow.AddSeconds(30);
        first = new DateTimeOffset(first.Year, first.Month, first.Day, first.Hour, first.Minute, first.Second, TimeSpan.Zero);
        var expected = new HashSet<string>(StringComparer.Ordinal);
        await using (var setup = DeepDiveRuntime.Create(database, TimeProvider.System, new RuntimeOptions { Clustered = true }))
        {
            var lifecycle = setup.Services.GetRequiredService<CycleLifecycle>();
            for (var i = 0; i < Firings; i++)
            {
                var at = first.AddMilliseconds(500 * i);
                at = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, at.Second, TimeSpan.Zero);
                var local = TimeZoneInfo.ConvertTime(at, London);
                var id = $"c{i:D3}";
                await lifecycle.AddOrUpdateAsync("p", new CycleDefinition
                {
                    Id = id,
                    Name = $"Firing {i}",
                    Theme = "test",
                    Schedule = new CycleSchedule
                    {
                        Cron = string.Create(CultureInfo.InvariantCulture, $"{local.Second} {local.Minute} {local.Hour} {local.Day} {local.Month} ? {local.Year}"),
                        WorkingDaysOnly = false,
                    },
                    SampleSize = 1,
                }, CancellationToken.None);
                expected.Add($"{id}@{at:yyyy-MM-ddTHH:mm:ssZ}");
            }
        }

        output.WriteLine($"Scheduled {Firings} firings from {first:HH:mm:ss} to {first.AddSeconds(Firings / 2):HH:mm:ss}; set up by {DateTimeOffset.UtcNow:HH:mm:ss}.");
        var workers = new[] { WorkerProcess.Start(connection, clustered: true, "quartz1"), WorkerProcess.Start(connection, clustered: true, "quartz2") };
        var watch = Stopwatch.StartNew();
        WorkerProcess? killed = null;
        DateTimeOffset killedAt = default;
        try
        {
            await DeepDive.Engine.Tests.Workflows.Nodes.Poller.UntilAsync(
                // Every round's workflow has drawn, assigned and started its deep dives (its tasks then wait for auditors).
                async () => await CountAsync(database, "SELECT COUNT(*) FROM audit_round WHERE status IN ('in-progress', 'closed')") >= Firings,
                TimeSpan.FromMinutes(4),
                async () => $"{await CountAsync(database, "SELECT COUNT(*) FROM audit_round")} rounds, "
                    + $"{await CountAsync(database, "SELECT COUNT(*) FROM audit_round WHERE status IN ('in-progress', 'closed')")} with their deep dives started; logs: "
                    + string.Join(" | ", workers.Select(w => Tail(w.ReadLog()))),
                async () =>
                {
                    if (killed is null && await CountAsync(database, "SELECT COUNT(*) FROM audit_round") >= Firings * 2 / 5)
                    {
                        // Both processes must be checked in to the one clustered scheduler before one dies. On a busy machine a
                        // node that missed its check-in can be taken for dead and check in again a moment later, so this waits.
                        await DeepDive.Engine.Tests.Workflows.Nodes.Poller.UntilAsync(
                            async () => await CountAsync(database, "SELECT COUNT(*) FROM qrtz_scheduler_state WHERE sched_name = 'deepdive'") == 2,
                            TimeSpan.FromSeconds(60),
                            async () => $"{await CountAsync(database, "SELECT COUNT(*) FROM qrtz_scheduler_state WHERE sched_name = 'deepdive'")} nodes checked in; logs: "
                                + string.Join(" | ", workers.Select(w => Tail(w.ReadLog()))));

                        // Kill the node that has opened more rounds so far, so the other must take over its share.
                        var busiest = await database.OpenAsync(CancellationToken.None);
                        await using (busiest)
                        {
                            var node = await busiest.ExecuteScalarAsync<string>(
                                "SELECT opened_by FROM audit_round GROUP BY opened_by ORDER BY COUNT(*) DESC LIMIT 1");
                            killed = workers.Single(w => node!.EndsWith($":{w.Id}", StringComparison.Ordinal));
                        }

                        killed.KillHard();
                        killedAt = DateTimeOffset.UtcNow;
                        output.WriteLine($"Killed pid {killed.Id} with SIGKILL at {killedAt:HH:mm:ss.fff} ({watch.Elapsed.TotalSeconds:0.0} s).");
                    }
                });

            output.WriteLine($"All {Firings} rounds opened and started their deep dives after {watch.Elapsed.TotalSeconds:0.0} s.");
            killed.Should().NotBeNull();
            var survivor = workers.Single(w => w != killed);
            await using var read = await database.OpenAsync(CancellationToken.None);
            var rounds = (await read.QueryAsync<(string FiringKey, string OpenedBy, DateTime ScheduledForUtc, DateTime StartedUtc, int Late)>(
                "SELECT firing_key, opened_by, scheduled_for_utc, started_utc, late FROM audit_round")).ToList();

            rounds.Select(r => r.FiringKey).Should().OnlyHaveUniqueItems().And.BeEquivalentTo(expected, "every firing opened exactly one round");
            var byNode = rounds.GroupBy(r => r.OpenedBy.EndsWith($":{killed!.Id}", StringComparison.Ordinal) ? "killed" : "survivor")
                .ToDictionary(g => g.Key, g => g.ToList());
            byNode.Should().ContainKey("killed").And.ContainKey("survivor");
            byNode["killed"].Should().OnlyContain(r => r.StartedUtc <= killedAt.UtcDateTime, "the killed node opened nothing after it died");
            byNode["survivor"].Count(r => r.ScheduledForUtc > killedAt.UtcDateTime).Should().Be(rounds.Count(r => r.ScheduledForUtc > killedAt.UtcDateTime),
                "every firing due after the kill fell to the survivor");
            var takeover = rounds.Where(r => r.ScheduledForUtc > killedAt.UtcDateTime).Max(r => r.StartedUtc - r.ScheduledForUtc);
            output.WriteLine($"Rounds: {byNode["killed"].Count} by the killed node, {byNode["survivor"].Count} by the survivor; "
                + $"latest start after the kill {takeover.TotalSeconds:0.0} s after its firing; {rounds.Count(r => r.Late == 1)} marked late.");
            (await read.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_state = 'ERROR'")).Should().Be(0);
            (await read.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM qrtz_scheduler_state WHERE sched_name = 'deepdive'"))
                .Should().Be(1, "the survivor found the killed node's check-in stale and recovered it");

            // A firing the survivor found already opened: only a recovered job of the killed node's (at most its two threads).
            var duplicates = survivor.ReadLog().Split('\n').Count(l => l.Contains("opened no round", StringComparison.Ordinal));
            output.WriteLine($"Firings run a second time: {duplicates}.");
            duplicates.Should().BeLessThanOrEqualTo(2);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    private static async Task<long> CountAsync(Database database, string sql)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static string Tail(string log) => log.Length > 400 ? log[^400..] : log;
}
