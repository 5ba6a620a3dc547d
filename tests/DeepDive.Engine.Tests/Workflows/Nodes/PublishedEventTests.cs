using System.Diagnostics;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tasks;
using DeepDive.Engine.Tests.Support;
using DeepDive.Engine.Workflows;
using DeepDive.Engine.Workflows.Data;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Engine.Tests.Workflows.Nodes;

/// <summary>
/// Task submissions published to real deep-dive workflows on the real engine: in the engine's own process they move
/// the workflow at once, well before the poll; from another process (only the stored row) the engine's poll takes them.
/// Every deep dive's two tasks are submitted together, so both events want the same workflow at the same moment.
/// </summary>
internal static class PublishedEventScenarios
{
    private const int DeepDives = 4;

    /// <summary>Far longer than the test waits: only the wake after the commit can move the workflows in time.</summary>
    private static readonly TimeSpan LongPoll = TimeSpan.FromSeconds(30);

    /// <summary>Well under <see cref="LongPoll"/>, with room for a busy two-core machine.</summary>
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(3);

    public static async Task InTheEnginesProcess_MovesTheWorkflowsWellBeforeThePoll(Database database)
    {
        var load = new DeepDiveLoad(database, DeepDives);
        await load.SeedAsync();
        await using var runtime = await StartAsync(database, LongPoll);
        await TasksOpenAsync(load);

        var board = runtime.Services.GetRequiredService<TaskBoard>();
        var watch = Stopwatch.StartNew();
        await SubmitAllAsync(board, load);
        await Poller.UntilAsync(async () => await load.ClosedAsync() == DeepDives, AtOnce, load.DescribeAsync);

        watch.Elapsed.Should().BeLessThan(AtOnce, "the engine's next poll is {0} s away", LongPoll.TotalSeconds);
        (await load.CountAsync("SELECT COUNT(*) FROM wf_event WHERE is_processed = 0 AND event_name = 'task-submitted'")).Should().Be(0, "every submission was delivered");
    }

    public static async Task FromAnotherProcess_IsTakenByTheEnginesPoll(Database database, Database otherProcess)
    {
        var load = new DeepDiveLoad(database, DeepDives);
        await load.SeedAsync();
        await using var runtime = await StartAsync(database, TimeSpan.FromMilliseconds(500));
        await TasksOpenAsync(load);

        // Another process has no workflow host: its publisher only stores the event.
        var board = new TaskBoard(otherProcess, EventPublisher.StoreOnly(), TimeProvider.System);
        await SubmitAllAsync(board, load);
        await Poller.UntilAsync(async () => await load.ClosedAsync() == DeepDives, TimeSpan.FromSeconds(15), load.DescribeAsync);
        (await load.CountAsync("SELECT COUNT(*) FROM audit_task WHERE status = 'submitted'")).Should().Be(DeepDives * 2);
    }

    private static async Task<DeepDiveRuntime> StartAsync(Database database, TimeSpan poll)
    {
        var runtime = DeepDiveRuntime.Create(database, TimeProvider.System, new RuntimeOptions
        {
            InstanceName = $"publish-{Guid.NewGuid():N}",
            PollInterval = poll,
            Notifications = new DeepDive.Engine.Notifications.NotificationSettings
            {
                Folder = Path.Combine(Path.GetTempPath(), "deepdive-tests", "outbox-" + Guid.NewGuid().ToString("N")),
            },
        });
        await runtime.StartAsync(CancellationToken.None);
        return runtime;
    }

    /// <summary>The poll at the engine's start runs each deep dive until it waits for its two tasks.</summary>
    private static Task TasksOpenAsync(DeepDiveLoad load) =>
        Poller.UntilAsync(async () => await load.CountAsync("SELECT COUNT(*) FROM wf_subscription WHERE terminated = 0 AND event_name = 'task-submitted'") == DeepDives * 2,
            TimeSpan.FromSeconds(20), load.DescribeAsync);

    private static async Task SubmitAllAsync(TaskBoard board, DeepDiveLoad load)
    {
        var tasks = await board.ListAsync(DeepDiveLoad.Partnership, null, openOnly: true, CancellationToken.None);
        tasks.Should().HaveCount(DeepDives * 2);
        await Task.WhenAll(tasks.Select(task => board.SubmitAsync(DeepDiveLoad.Partnership, task.TaskId, task.AuditorId!, new TaskSubmission
        {
            Grade = task.Agency == "csc" ? "good" : "requires-improvement",
        }, CancellationToken.None)));
    }
}

public sealed class PublishedEventOnSqliteTests : IDisposable
{
    private readonly SqliteDatabase sqlite = SqliteDatabase.CreateMigrated();

    [Fact]
    public Task InTheEnginesProcess_MovesTheWorkflowsWellBeforeThePoll() =>
        PublishedEventScenarios.InTheEnginesProcess_MovesTheWorkflowsWellBeforeThePoll(sqlite.Database);

    [Fact]
    public Task FromAnotherProcess_IsTakenByTheEnginesPoll() =>
        PublishedEventScenarios.FromAnotherProcess_IsTakenByTheEnginesPoll(sqlite.Database, Database.Open(sqlite.Path));

    public void Dispose() => sqlite.Dispose();
}

[Collection(PostgresCollection.Name)]
public sealed class PublishedEventOnPostgresTests(PostgresServer postgres)
{
    [PostgresFact]
    public async Task InTheEnginesProcess_MovesTheWorkflowsWellBeforeThePoll() =>
        await PublishedEventScenarios.InTheEnginesProcess_MovesTheWorkflowsWellBeforeThePoll(Database.Open(await postgres.CreateDatabaseAsync()));

    [PostgresFact]
    public async Task FromAnotherProcess_IsTakenByTheEnginesPoll()
    {
        var connection = await postgres.CreateDatabaseAsync();
        await PublishedEventScenarios.FromAnotherProcess_IsTakenByTheEnginesPoll(Database.Open(connection), Database.Open(connection));
    }
}
