using System.Collections.Concurrent;
using System.Data.Common;

namespace DeepDive.Engine.Storage;

/// <summary>
/// The turn to write one SQLite file. Writes queue here, and whichever caller finds the turn free runs the queued writes
/// one after another, each in its own transaction, on one connection. SQLite takes one writer at a time; when writers
/// queued for an async gate instead, every hand-over waited for the next writer's continuation to come up in the thread
/// pool while the turn sat idle. Here the turn passes without a hand-over while writes are waiting, and each write still
/// commits on its own, so a failing write never takes another with it. Callers resume on the thread pool, never inside
/// another caller's turn. (A writer thread of its own was measured with <c>deepdive bench workflows</c> and was slower:
/// on two cores it waited for the scheduler behind the pool's threads.) The writes are made on one connection kept open
/// with its compiled statements (<see cref="StatementCachingConnection"/>), and short reads that find the turn free run
/// there too: a SQLite connection drops its whole page cache when another connection has changed the file since its
/// last transaction, and no other connection writes between this one's. <see cref="SqliteDialect.ClearPools"/> closes it.
/// </summary>
internal sealed class SqliteWriteQueue(Database database)
{
    /// <summary>The writers' connection, kept open with its compiled statements; only the turn holder uses it.</summary>
    private StatementCachingConnection? kept;

    /// <summary>Writes one caller runs for others before it hands the queue to the thread pool and goes back to its own work.</summary>
    private const int WritesPerTurn = 32;

    /// <summary>Commits between checkpoints run beside the writers (a few pages each, so about SQLite's own 1,000-page interval).</summary>
    private const int CommitsPerCheckpoint = 300;

    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly ConcurrentQueue<IWrite> queue = new();
    private int commitsSinceCheckpoint;
    private int checkpointing;

    /// <param name="inTransaction">
    /// False for a write of one statement: SQLite commits a single statement atomically on its own, so it runs without
    /// BEGIN and COMMIT around it and <paramref name="work"/> is given no transaction (null).
    /// </param>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken, bool inTransaction = true)
    {
        var write = new Write<T>(work, cancellationToken, inTransaction);
        queue.Enqueue(write);
        await RunQueuedIfFreeAsync();
        return await write.Completion;
    }

    /// <summary>Waits for the turn for work of the caller's own (<see cref="Database.EnterWriteAsync"/>); queued writes run once it is given back.</summary>
    public async ValueTask<IAsyncDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        return new Turn(this);
    }

    private async Task RunQueuedIfFreeAsync()
    {
        // Checked again after each release: a write queued while the turn was being given back is not left waiting.
        while (!queue.IsEmpty && turn.Wait(0))
        {
            bool more;
            try
            {
                more = await RunQueuedAsync();
            }
            finally
            {
                turn.Release();
            }

            if (more)
            {
                _ = Task.Run(RunQueuedIfFreeAsync);
                return;
            }
        }
    }

    /// <summary>Runs queued writes until the queue is empty or this caller has done its share; true if writes remain.</summary>
    private async Task<bool> RunQueuedAsync()
    {
        var connection = kept;
        kept = null;
        try
        {
            for (var done = 0; done < WritesPerTurn; done++)
            {
                if (!queue.TryDequeue(out var write))
                {
                    return false;
                }

                connection = await RunAsync(write, connection);
            }

            return !queue.IsEmpty;
        }
        finally
        {
            kept = connection;
        }
    }

    private async Task<StatementCachingConnection> OpenKeptAsync(CancellationToken cancellationToken) =>
        new((Microsoft.Data.Sqlite.SqliteConnection)await database.OpenAsync(cancellationToken));

    /// <summary>Closes the kept connection once the turn is free, so the file can be deleted; the next write opens another.</summary>
    public void Release()
    {
        turn.Wait();
        try
        {
            kept?.Dispose();
            kept = null;
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>
    /// Runs a read on the writers' connection when the turn is free, as no other connection changes the file between
    /// its transactions and its page cache is current; while a write is under way it reads on a pooled connection instead.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (turn.Wait(0, CancellationToken.None))
        {
            try
            {
                var writers = kept ??= await OpenKeptAsync(cancellationToken);
                try
                {
                    return await read(writers, cancellationToken);
                }
                catch when (writers.State != System.Data.ConnectionState.Open)
                {
                    kept = null;
                    await writers.DisposeAsync();
                    throw;
                }
            }
            finally
            {
                turn.Release();
                await RunQueuedIfFreeAsync();
            }
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await read(connection, cancellationToken);
    }

    /// <summary>Runs one write in its own transaction (a one-statement write on its own); returns the connection to use next (null if this one broke).</summary>
    private async Task<StatementCachingConnection?> RunAsync(IWrite write, StatementCachingConnection? connection)
    {
        if (write.CancellationToken.IsCancellationRequested)
        {
            write.Fail(new OperationCanceledException(write.CancellationToken));
            return connection;
        }

        try
        {
            connection ??= await OpenKeptAsync(write.CancellationToken);
            if (write.InTransaction)
            {
                await using var transaction = await connection.BeginTransactionAsync(write.CancellationToken);
                await write.RunAsync(connection, transaction);
                await transaction.CommitAsync(write.CancellationToken);
            }
            else
            {
                await write.RunAsync(connection, null);
            }

            write.Complete();
            CheckpointNowAndThen();
            return connection;
        }
        catch (Exception e)
        {
            write.Fail(e);
            if (connection is not null && connection.State != System.Data.ConnectionState.Open)
            {
                await connection.DisposeAsync();
                return null;
            }

            return connection;
        }
    }

    /// <summary>
    /// Copies the log into the database file on a connection of its own, outside the turn, so writers do not wait for
    /// the copying and its disk flushes; SQLite would otherwise do it all inside the commit that crossed its threshold. A
    /// passive checkpoint never blocks a writer or a reader. While writes keep coming it never quite catches up, so the
    /// log only starts again from its beginning when SQLite's own checkpoint, at a higher threshold
    /// (<see cref="SqliteDialect"/>), finds little left to copy.
    /// </summary>
    private void CheckpointNowAndThen()
    {
        if (++commitsSinceCheckpoint < CommitsPerCheckpoint || Interlocked.CompareExchange(ref checkpointing, 1, 0) != 0)
        {
            return;
        }

        commitsSinceCheckpoint = 0;
        _ = Task.Run(async () =>
        {
            try
            {
                await using var connection = await database.OpenAsync(CancellationToken.None);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                await command.ExecuteNonQueryAsync();
            }
            catch (Microsoft.Data.Sqlite.SqliteException)
            {
                // The file may be gone (a scratch database deleted) or busy; the next checkpoint, or SQLite's own, copies the log.
            }
            finally
            {
                Volatile.Write(ref checkpointing, 0);
            }
        });
    }

    private sealed class Turn(SqliteWriteQueue owner) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            owner.turn.Release();
            await owner.RunQueuedIfFreeAsync();
        }
    }

    private interface IWrite
    {
        CancellationToken CancellationToken { get; }

        bool InTransaction { get; }

        Task RunAsync(DbConnection connection, DbTransaction? transaction);

        void Complete();

        void Fail(Exception e);
    }

    private sealed class Write<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken, bool inTransaction) : IWrite
    {
        private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T result = default!;

        public Task<T> Completion => completion.Task;

        public CancellationToken CancellationToken => cancellationToken;

        public bool InTransaction => inTransaction;

        public async Task RunAsync(DbConnection connection, DbTransaction? transaction) => result = await work(connection, transaction!, cancellationToken);

        public void Complete() => completion.TrySetResult(result);

        public void Fail(Exception e)
        {
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                completion.TrySetCanceled(cancellationToken);
            }
            else
            {
                completion.TrySetException(e);
            }
        }
    }
}
