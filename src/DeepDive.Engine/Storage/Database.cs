using Dapper;
using System.Data.Common;

namespace DeepDive.Engine.Storage;

/// <summary>One database DeepDive stores its state in: a dialect and a connection string.</summary>
public sealed class Database
{
    static Database() => UtcDateTimeHandler.Register();

    public Database(ISqlDialect dialect, string connectionString)
    {
        Dialect = dialect;
        ConnectionString = connectionString;
    }

    public ISqlDialect Dialect { get; }
    public string ConnectionString { get; }

    public static Database Open(string connection) => ConnectionTarget.Parse(connection);

    /// <summary>
    /// Waits for this process's turn to write. SQLite takes one writer at a time, and a writer that finds it busy
    /// sleeps in SQLite's busy handler for milliseconds even when the lock frees at once; queueing writers here
    /// hands the lock over without sleeping. Server databases take concurrent writers, so it is free there.
    /// </summary>
    public async ValueTask<IAsyncDisposable> EnterWriteAsync(CancellationToken cancellationToken)
    {
        if (Dialect.Kind != DatabaseKind.Sqlite)
        {
            return NoGate.Instance;
        }

        return await WriteQueue().EnterAsync(cancellationToken);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SqliteWriteQueue> WriteQueues = new();

    private SqliteWriteQueue WriteQueue() => WriteQueues.GetOrAdd(ConnectionString, _ => new SqliteWriteQueue(this));

    /// <summary>Closes the kept writers' connection to a SQLite file (all files if null), so the file can be deleted.</summary>
    internal static void ReleaseKeptConnections(string? connectionString)
    {
        foreach (var (key, queue) in WriteQueues)
        {
            if (connectionString is null || key == connectionString)
            {
                queue.Release();
            }
        }
    }

    /// <summary>
    /// Runs a short write in a transaction of its own and completes once it is committed. On SQLite the writes take
    /// turns through the file's <see cref="SqliteWriteQueue"/>, where whoever finds the turn free runs the waiting
    /// writes back to back, each still committed on its own. <paramref name="work"/> must use only the connection and
    /// transaction it is given, and must not write through this database itself.
    /// (Group commit, several queued writes sharing one transaction, was measured with <c>deepdive bench workflows</c>
    /// and was slower on two cores: the hand-over to a committing task cost more than the commits it saved.)
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (Dialect.Kind == DatabaseKind.Sqlite)
        {
            return await WriteQueue().WriteAsync(work, cancellationToken);
        }

        // Server databases take concurrent writers.
        return await InTransactionAsync((connection, transaction) => work(connection, transaction, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Runs one statement as a write of its own and returns the rows it affected. One statement is atomic by itself, so
    /// on SQLite it takes its turn without BEGIN and COMMIT around it.
    /// </summary>
    public async Task<int> WriteStatementAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        if (Dialect.Kind == DatabaseKind.Sqlite)
        {
            return await WriteQueue().WriteAsync((connection, _, ct) => connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: ct)),
                cancellationToken, inTransaction: false);
        }

        await using var connection = await OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
    }

    public Task WriteAsync(Func<DbConnection, DbTransaction, CancellationToken, Task> work, CancellationToken cancellationToken) =>
        WriteAsync<bool>(async (c, t, ct) => { await work(c, t, ct); return true; }, cancellationToken);

    private sealed class NoGate : IAsyncDisposable
    {
        public static readonly NoGate Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>
    /// Runs a short read. On SQLite it runs on the writers' connection when no write is under way, whose page cache is
    /// current (<see cref="SqliteWriteQueue.ReadAsync"/>), and holds up writes meanwhile, so <paramref name="read"/> must be
    /// a few point queries and must not write through this database itself.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (Dialect.Kind == DatabaseKind.Sqlite)
        {
            return await WriteQueue().ReadAsync(read, cancellationToken);
        }

        await using var connection = await OpenAsync(cancellationToken);
        return await read(connection, cancellationToken);
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Dialect.CreateConnection(ConnectionString);
        try
        {
            // A library's awaits need no context to come back to; a caller blocking on this one must not deadlock on it.
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await Dialect.PrepareAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it, or rolls all of it back.</summary>
    public async Task<T> InTransactionAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public Task InTransactionAsync(Func<DbConnection, DbTransaction, Task> work, CancellationToken cancellationToken) =>
        InTransactionAsync<bool>(async (c, t) => { await work(c, t); return true; }, cancellationToken);
}
