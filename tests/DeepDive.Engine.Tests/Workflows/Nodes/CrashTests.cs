using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Workflows.Nodes;

public sealed class CrashTests
{
    [Fact]
    public async Task ProcessKilledTenTimesAtRandomMoments_FinishesEveryWorkflow_WithNoTaskTwiceAndNoAnswerLost()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var connection = sqlite.Path;
        var load = new DeepDiveLoad(sqlite.Database, 1000);
        await load.SeedAsync();
        var random = new Random(20271);

        for (var kill = 1; kill <= 10; kill++)
        {
            using var worker = WorkerProcess.Start(connection, clustered: false, $"crash{kill}");
            // A random moment: after the engine has executed a random number of further steps.
            var target = await load.ExecutionsAsync() + random.Next(50, 400);
            await Poller.UntilAsync(
                async () => await load.ExecutionsAsync() >= target || await load.ClosedAsync() == load.DeepDives,
                TimeSpan.FromMinutes(2),
                async () => $"kill {kill}: {await load.DescribeAsync()}\n{worker.ReadLog()}",
                load.AnswerOpenTasksAsync);
            worker.KillHard();
        }

        using var last = WorkerProcess.Start(connection, clustered: false, "final");
        await Poller.UntilAsync(
            async () => await load.ClosedAsync() == load.DeepDives,
            TimeSpan.FromMinutes(5),
            async () => $"{await load.DescribeAsync()}\n{last.ReadLog()}",
            load.AnswerOpenTasksAsync);
        await load.ShouldBeCompleteExactlyOnceAsync();
    }
}
