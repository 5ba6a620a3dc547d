using System.Collections.Concurrent;
using System.Threading.Channels;
using WorkflowCore.Interface;

namespace DeepDive.Engine.Workflows.Queues;

/// <summary>
/// The in-process work queue. Two differences from WorkflowCore's single-node queue, both measured:
/// it waits for work asynchronously (the stock queue blocks a pool thread per consumer, which on two cores
/// starves every database call of threads), and it holds each item at most once while it waits (with
/// scheduled commands the poller queues every runnable instance on each poll, with no greylist, so copies
/// piled up faster than the consumers could drop them). An item already taken off the queue can be queued
/// again, so work that arrives while it runs is not lost.
/// <para>
/// Index work is dropped unless <paramref name="indexes"/> says a search index takes it: WorkflowCore queues every
/// instance it persists for indexing whether or not indexing is on, and with nothing to take that work the queue
/// would keep the id of every workflow the process ever ran.
/// </para>
/// </summary>
/// <param name="indexes">True only when WorkflowCore's <c>EnableIndexes</c> is on, so that an index consumer takes Index work.</param>
public sealed class DeduplicatingQueueProvider(bool indexes = false) : IQueueProvider
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(250);
    private readonly Dictionary<QueueType, Channel<string>> queues = Enum.GetValues<QueueType>()
        .ToDictionary(q => q, _ => Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false }));
    private readonly ConcurrentDictionary<(QueueType, string), byte> waiting = new();
    private volatile bool running;

    // Dequeue waits (without a thread) for work, so the consumers need not idle between empty polls.
    public bool IsDequeueBlocking => true;

    /// <summary>True between the workflow host's start and stop: only then do this process's consumers take work from it.</summary>
    public bool IsRunning => running;

    public Task QueueWork(string id, QueueType queue)
    {
        if ((queue != QueueType.Index || indexes) && waiting.TryAdd((queue, id), 0))
        {
            queues[queue].Writer.TryWrite(id);
        }

        return Task.CompletedTask;
    }

    public async Task<string> DequeueWork(QueueType queue, CancellationToken cancellationToken)
    {
        var reader = queues[queue].Reader;
        if (!reader.TryRead(out var id))
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(MaxWait);
            try
            {
                if (!await reader.WaitToReadAsync(wait.Token) || !reader.TryRead(out id))
                {
                    return null!;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null!;
            }
        }

        waiting.TryRemove((queue, id), out _);
        return id;
    }

    public Task Start()
    {
        running = true;
        return Task.CompletedTask;
    }

    public Task Stop()
    {
        running = false;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        foreach (var queue in queues.Values)
        {
            queue.Writer.TryComplete();
        }
    }
}
