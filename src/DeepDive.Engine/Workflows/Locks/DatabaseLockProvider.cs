using System.Data.Common;
using Dapper;
using DeepDive.Engine.Storage;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;

namespace DeepDive.Engine.Workflows.Locks;

/// <summary>
/// WorkflowCore's lock per workflow instance, shared by every process on one server database: an
/// in-process set keeps two threads of this process apart, and a session-level database lock keeps
/// other processes out. The locks live on one dedicated connection, so a killed process releases them all.
/// </summary>
public sealed class DatabaseLockProvider(Database database, ILockStatements statements, ILogger<DatabaseLockProvider> logger)
    : IDistributedLockProvider, IAsyncDisposable
{
    private readonly HashSet<string> held = [];
    private readonly SemaphoreSlim session = new(1, 1);
    private DbConnection? connection;

    public async Task<bool> AcquireLock(string Id, CancellationToken cancellationToken)
    {
        lock (held)
        {
            if (!held.Add(Id))
            {
                return false;
            }
        }

        var taken = false;
        try
        {
            taken = await OnSessionAsync(c => c.ExecuteScalarAsync<int>(new CommandDefinition(statements.TryLock, statements.Arguments(Id), cancellationToken: cancellationToken)), cancellationToken) == 1;
            return taken;
        }
        finally
        {
            if (!taken)
            {
                lock (held)
                {
                    held.Remove(Id);
                }
            }
        }
    }

    public async Task ReleaseLock(string Id)
    {
        try
        {
            await OnSessionAsync(c => c.ExecuteAsync(new CommandDefinition(statements.Unlock, statements.Arguments(Id))), CancellationToken.None);
        }
        catch (DbException e)
        {
            // The session is gone, and the database released its locks with it.
            logger.LogWarning(e, "Releasing lock {LockId} failed; the database session was lost", Id);
        }
        finally
        {
            lock (held)
            {
                held.Remove(Id);
            }
        }
    }

    public Task Start() => Task.CompletedTask;

    public async Task Stop()
    {
        await session.WaitAsync();
        try
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
                connection = null;
            }
        }
        finally
        {
            session.Release();
        }
    }

    public async ValueTask DisposeAsync() => await Stop();

    private async Task<T> OnSessionAsync<T>(Func<DbConnection, Task<T>> command, CancellationToken cancellationToken)
    {
        await session.WaitAsync(cancellationToken);
        try
        {
            connection ??= await OpenSessionAsync(cancellationToken);
            try
            {
                return await command(connection);
            }
            catch (DbException) when (connection.State != System.Data.ConnectionState.Open)
            {
                await connection.DisposeAsync();
                connection = null;
                throw;
            }
        }
        finally
        {
            session.Release();
        }
    }

    private async Task<DbConnection> OpenSessionAsync(CancellationToken cancellationToken)
    {
        // Not from the pool: a pooled connection would carry its session locks to the next borrower.
        var builder = new DbConnectionStringBuilder { ConnectionString = database.ConnectionString };
        builder["Pooling"] = false;
        var dedicated = new Database(database.Dialect, builder.ConnectionString);
        return await dedicated.OpenAsync(cancellationToken);
    }
}
