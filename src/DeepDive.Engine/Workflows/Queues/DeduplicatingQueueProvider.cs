using System.Collections.Concurrent;
using WorkflowCore.Interface;
using WorkflowCore.Services;

namespace DeepDive.Engine.Workflows.Queues;

/// <summary>
/// The in-process work queue, holding each item at most once while it waits. With scheduled commands the
/// poller queues every runnable instance on each poll, with no greylist in that path: when a step takes
/// longer than a poll, copies pile up and the consumers spend their time loading finished instances.
/// An item already taken off the queue can be queued again, so work that arrives while it runs is not lost.
/// </summary>
public sealed class DeduplicatingQueueProvider : IQueueProvider
{
    private readonly SingleNodeQueueProvider inner = new();
    private readonly ConcurrentDictionary<(QueueType, string), byte> waiting = new();

    public bool IsDequeueBlocking => inner.IsDequeueBlocking;

    public Task QueueWork(string id, QueueType queue) =>
        waiting.TryAdd((queue, id), 0) ? inner.QueueWork(id, queue) : Task.CompletedTask;

    public async Task<string> DequeueWork(QueueType queue, CancellationToken cancellationToken)
    {
        var id = await inner.DequeueWork(queue, cancellationToken);
        if (id is not null)
        {
            waiting.TryRemove((queue, id), out _);
        }

        return id!;
    }

    public Task Start() => inner.Start();

    public Task Stop() => inner.Stop();

    public void Dispose() => inner.Dispose();
}
