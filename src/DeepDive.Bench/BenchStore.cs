using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WorkflowCore.Interface;
using WorkflowCore.Services;

namespace DeepDive.Bench;

public enum BenchProvider
{
    InMemory,
    Sqlite,
    Postgres,
}

/// <summary>
/// A fresh, empty store for one bench run: WorkflowCore's own in-memory provider, or ours on a new migrated
/// SQLite file or a new migrated PostgreSQL database. Disposing it deletes the file or drops the database.
/// </summary>
public sealed class BenchStore : IAsyncDisposable
{
    private readonly Func<ValueTask> cleanup;

    private BenchStore(BenchProvider provider, Database? database, Func<ValueTask> cleanup)
    {
        Provider = provider;
        Database = database;
        this.cleanup = cleanup;
    }

    public BenchProvider Provider { get; }

    /// <summary>Our database, or null for WorkflowCore's in-memory provider.</summary>
    public Database? Database { get; }

    public static BenchStore InMemory() => new(BenchProvider.InMemory, null, () => ValueTask.CompletedTask);

    public static async Task<BenchStore> NewSqliteAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "deepdive-bench");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{Guid.NewGuid():N}.db");
        var database = Database.Open(path);
        var store = new BenchStore(BenchProvider.Sqlite, database, () =>
        {
            // Pooled connections and the write queue's kept connection keep the file open.
            SqliteDialect.ClearPools(database.ConnectionString);

            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            {
                File.Delete(path + suffix);
            }

            return ValueTask.CompletedTask;
        });
        return await MigratedAsync(store);
    }

    /// <summary>Creates a new database on the server <paramref name="serverConnectionString"/> connects to, and migrates it.</summary>
    /// <param name="durableCommits">
    /// Whether the database's commits wait for the WAL flush (<c>synchronous_commit</c>, set on the database so a given
    /// server is held to it too); null leaves the server's setting.
    /// </param>
    public static async Task<BenchStore> NewPostgresAsync(string serverConnectionString, CancellationToken cancellationToken, bool? durableCommits = null)
    {
        var admin = new NpgsqlConnectionStringBuilder(serverConnectionString) { Pooling = false };
        var name = $"deepdive_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(admin.ConnectionString, $"CREATE DATABASE {name}", cancellationToken);
        if (durableCommits is { } durable)
        {
            await ExecuteAsync(admin.ConnectionString, $"ALTER DATABASE {name} SET synchronous_commit = {(durable ? "on" : "off")}", cancellationToken);
        }

        // Pooled unless the given connection string says otherwise: WorkflowCore opens a connection for every store call.
        var database = Database.Open(new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString);
        var store = new BenchStore(BenchProvider.Postgres, database, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin.ConnectionString, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", CancellationToken.None);
        });
        return await MigratedAsync(store);
    }

    /// <summary>The provider WorkflowCore should use: ours on <see cref="Database"/>, or its default in-memory one.</summary>
    public IPersistenceProvider CreateProvider(IServiceProvider services) => Database is null
        ? new TransientMemoryPersistenceProvider(services.GetRequiredService<ISingletonMemoryProvider>())
        : new DapperPersistenceProvider(Database, services.GetRequiredService<WorkflowJson>(),
            services.GetRequiredService<PointerSnapshots>(), services.GetRequiredService<StepWrites>(), services.GetRequiredService<DeliveredSubscriptions>(),
            new ImmediateCommands(services.GetRequiredService<IQueueProvider>(), services.GetRequiredService<IDateTimeProvider>()));

    /// <summary>How this store's PostgreSQL commits, as a session on it reads its settings back: durable or not, and why.</summary>
    public async Task<string> DescribeCommitsAsync(CancellationToken cancellationToken)
    {
        if (Provider != BenchProvider.Postgres)
        {
            throw new InvalidOperationException("Only a PostgreSQL bench store has PostgreSQL commit settings.");
        }

        await using var connection = new NpgsqlConnection(Database!.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var synchronousCommit = await ShowAsync(connection, "synchronous_commit", cancellationToken);
        var fsync = await ShowAsync(connection, "fsync", cancellationToken);
        var durable = fsync == "on" && synchronousCommit is "on" or "remote_write" or "remote_apply" or "local";
        return $"{(durable ? "durable" : "not durable")} (synchronous_commit={synchronousCommit}, fsync={fsync})";
    }

    /// <summary>Ours runs with the engine's own in-process queue, as <c>deepdive run</c> does; the reference keeps WorkflowCore's.</summary>
    public bool UsesEngineQueue => Database is not null;

    public ValueTask DisposeAsync() => cleanup();

    private static async Task<BenchStore> MigratedAsync(BenchStore store)
    {
        try
        {
            Migrator.Upgrade(store.Database!);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    private static async Task<string> ShowAsync(NpgsqlConnection connection, string setting, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SHOW {setting}", connection);
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
