using System.Collections.Concurrent;
using System.Data.Common;

namespace DeepDive.Engine.Storage;

/// <summary>
/// Group commit for one SQLite file: writes queued while another batch is committing are run together in one
/// transaction, each inside its own savepoint, and committed once. A write that fails is rolled back to its
/// savepoint alone and its caller gets the exception; the others still commit. Each caller's task completes only
/// after the commit that holds its write, so a completed write is as durable as one committed alone.
/// SQLite takes one writer at a time, so a commit per write spends the writer's turn on writing the same
/// B-tree pages to the WAL again and again; a batch writes each dirty page once.
/// </summary>
internal sealed class SqliteGroupCommit(Database database, SemaphoreSlim gate)
{
    /// <summary>At most this many writes share a transaction, so one batch never holds the lock for long.</summary>
    private const int MaxBatch = 64;

    private readonly ConcurrentQueue<IWrite> queue = new();
    private int draining;

    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new Write<T>(work, cancellationToken);
        queue.Enqueue(write);
        if (Interlocked.CompareExchange(ref draining, 1, 0) == 0)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return write.Completion.Task;
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            var batch = new List<IWrite>(MaxBatch);
            while (batch.Count < MaxBatch && queue.TryDequeue(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch);
                continue;
            }

            // Nothing left: stop, unless a write arrived between the last look and letting go.
            Volatile.Write(ref draining, 0);
            if (queue.IsEmpty || Interlocked.CompareExchange(ref draining, 1, 0) != 0)
            {
                return;
            }
        }
    }

    private async Task CommitAsync(List<IWrite> batch)
    {
        var done = new List<IWrite>(batch.Count);
        try
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await gate.WaitAsync(CancellationToken.None);
            try
            {
                await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
                foreach (var write in batch)
                {
                    if (write.CancellationToken.IsCancellationRequested)
                    {
                        write.Cancel();
                        continue;
                    }

                    await transaction.SaveAsync("w", CancellationToken.None);
                    try
                    {
                        await write.RunAsync(connection, transaction);
                        await transaction.ReleaseAsync("w", CancellationToken.None);
                        done.Add(write);
                    }
                    catch (Exception e)
                    {
                        await transaction.RollbackAsync("w", CancellationToken.None);
                        await transaction.ReleaseAsync("w", CancellationToken.None);
                        write.Fail(e);
                    }
                }

                await transaction.CommitAsync(CancellationToken.None);
            }
            finally
            {
                gate.Release();
            }
        }
        catch (Exception e)
        {
            // The commit itself failed (or the connection could not be had): none of the batch is stored.
            // Writes already failed or cancelled keep their outcome; the first outcome set wins.
            foreach (var write in batch)
            {
                write.Fail(e);
            }

            return;
        }

        foreach (var write in done)
        {
            write.Succeed();
        }
    }

    private interface IWrite
    {
        CancellationToken CancellationToken { get; }

        Task RunAsync(DbConnection connection, DbTransaction transaction);

        void Succeed();

        void Fail(Exception e);

        void Cancel();
    }

    private sealed class Write<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken) : IWrite
    {
        private T result = default!;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationToken CancellationToken => cancellationToken;

        public async Task RunAsync(DbConnection connection, DbTransaction transaction) =>
            result = await work(connection, transaction, cancellationToken);

        public void Succeed() => Completion.TrySetResult(result);

        public void Fail(Exception e)
        {
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                Completion.TrySetCanceled(cancellationToken);
            }
            else
            {
                Completion.TrySetException(e);
            }
        }

        public void Cancel() => Completion.TrySetCanceled(cancellationToken);
    }
}
