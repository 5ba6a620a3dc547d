using System.Diagnostics;
using WorkflowCore.Interface;

namespace DeepDive.Engine.Workflows.Locks;

/// <summary>
/// Waits a short, bounded time for a workflow instance's lock that is taken, instead of failing at once.
/// <para>
/// WorkflowCore's event consumer locks the event, then the workflow that waits for it. When the workflow's lock is
/// taken (its turn is running, or the other event consumer slot is giving it the deep dive's other task), the consumer
/// leaves the event unprocessed and nothing retries it before the next poll, seconds later. Held workflow locks are
/// short (one turn, or one event delivered), so waiting for them a little delivers the event at once.
/// </para>
/// Only a workflow instance's lock (its id is a GUID) waits: an event's lock and the poller's locks fail at once as
/// before, since whoever holds those is doing the same work. Times are real (<see cref="Stopwatch"/>), not the
/// engine's clock: the holder's work takes real time even when the engine runs on virtual time.
/// </summary>
public sealed class WaitingWorkflowLocks(IDistributedLockProvider inner, TimeSpan maxWait) : IDistributedLockProvider, IAsyncDisposable
{
    /// <summary>Longer than a turn normally holds a lock, short enough that both event consumer slots are not tied up long.</summary>
    public static readonly TimeSpan DefaultMaxWait = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(50);

    public async Task<bool> AcquireLock(string Id, CancellationToken cancellationToken)
    {
        if (await inner.AcquireLock(Id, cancellationToken))
        {
            return true;
        }

        if (!Guid.TryParse(Id, out _))
        {
            return false;
        }

        var started = Stopwatch.GetTimestamp();
        var pause = FirstPause;
        while (Stopwatch.GetElapsedTime(started) < maxWait)
        {
            await Task.Delay(pause, cancellationToken);
            if (await inner.AcquireLock(Id, cancellationToken))
            {
                return true;
            }

            pause = pause * 2 < LongestPause ? pause * 2 : LongestPause;
        }

        return false;
    }

    public Task ReleaseLock(string Id) => inner.ReleaseLock(Id);

    public Task Start() => inner.Start();

    public Task Stop() => inner.Stop();

    public async ValueTask DisposeAsync()
    {
        if (inner is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}
