using Dapper;
using DeepDive.Engine.Tests.Support;
using DeepDive.Engine.Workflows;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using DeepDive.Engine.Workflows.Queues;
using Microsoft.Extensions.Time.Testing;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Tests.Workflows.Persistence;

public sealed class ImmediateCommandsTests
{
    [Fact]
    public async Task DueCommand_GoesStraightToTheQueue_AndALaterOneIsStored()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        using var queue = new DeduplicatingQueueProvider();
        var provider = new DapperPersistenceProvider(sqlite.Database, WorkflowTypes.CreateSerializer(), new PointerSnapshots(), new StepWrites(), new DeliveredSubscriptions(),
            new ImmediateCommands(queue, new TimeProviderClock(clock)));
        var now = clock.GetUtcNow().UtcTicks;

        await provider.ScheduleCommand(new ScheduledCommand { CommandName = ScheduledCommand.ProcessWorkflow, Data = "due", ExecuteTime = now });
        await provider.ScheduleCommand(new ScheduledCommand { CommandName = ScheduledCommand.ProcessEvent, Data = "later", ExecuteTime = now + TimeSpan.TicksPerHour });

        (await queue.DequeueWork(QueueType.Workflow, CancellationToken.None)).Should().Be("due");
        await using var connection = await sqlite.Database.OpenAsync(CancellationToken.None);
        (await connection.QueryAsync<string>("SELECT data FROM wf_scheduled_command")).Should().Equal("later");
    }

    [Fact]
    public async Task Queue_DropsIndexWork_UnlessAnIndexTakesIt()
    {
        // WorkflowCore queues every persisted instance for indexing even with indexing off; nothing would ever take it.
        using var queue = new DeduplicatingQueueProvider();
        using var indexed = new DeduplicatingQueueProvider(indexes: true);
        foreach (var id in new[] { "w1", "w2" })
        {
            await queue.QueueWork(id, QueueType.Index);
            await indexed.QueueWork(id, QueueType.Index);
        }

        await queue.QueueWork("w1", QueueType.Workflow);

        (await queue.DequeueWork(QueueType.Index, CancellationToken.None)).Should().BeNull("no index work is held");
        (await queue.DequeueWork(QueueType.Workflow, CancellationToken.None)).Should().Be("w1");
        (await indexed.DequeueWork(QueueType.Index, CancellationToken.None)).Should().Be("w1");
        (await indexed.DequeueWork(QueueType.Index, CancellationToken.None)).Should().Be("w2");
    }

    [Fact]
    public async Task Queue_HoldsAWaitingItemOnce_ButTakesItAgainOnceTaken()
    {
        using var queue = new DeduplicatingQueueProvider();
        await queue.QueueWork("w1", QueueType.Workflow);
        await queue.QueueWork("w1", QueueType.Workflow);

        (await queue.DequeueWork(QueueType.Workflow, CancellationToken.None)).Should().Be("w1");
        (await queue.DequeueWork(QueueType.Workflow, CancellationToken.None)).Should().BeNull("the copy was dropped while the first waited");
        await queue.QueueWork("w1", QueueType.Workflow);
        (await queue.DequeueWork(QueueType.Workflow, CancellationToken.None)).Should().Be("w1", "work that arrives after the item was taken is kept");
    }
}
