using DeepDive.Bench;
using DeepDive.Engine.Storage;
using Npgsql;

namespace DeepDive.Engine.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL 15 server for one test run (a <see cref="ThrowawayPostgres"/>): a fresh cluster in a
/// temporary folder, trust authentication, listening only on 127.0.0.1 at a free port, fsync off, time zone
/// Europe/London. Use it as the collection fixture of <see cref="PostgresCollection"/> and mark its tests with
/// <see cref="PostgresFactAttribute"/>; each test takes its own database from it.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string TemplateName = "deepdive_migrated_template";

    private static readonly ThrowawayPostgresOptions Options = new()
    {
        DataDirectoryPrefix = "deepdive-pg",
        Settings =
        [
            "fsync=off", "full_page_writes=off", "max_connections=300",
            // A council's server runs on London time: a time sent without a zone would be read as local, and tests see it.
            "timezone=Europe/London",
        ],
    };

    private readonly SemaphoreSlim templateLock = new(1, 1);
    private ThrowawayPostgres? server;
    private bool templateReady;
    private int databaseCount;

    public int Port => server?.Port ?? 0;

    /// <summary>Whether the server is up; false when PostgreSQL is not installed here (the tests then skip).</summary>
    public bool IsRunning => server is { IsRunning: true };

    public async Task InitializeAsync()
    {
        if (PostgresBinaries.Unavailable is not null)
        {
            // The tests skip; under CI=true they run and CreateDatabaseAsync fails with the reason.
            return;
        }

        server = await ThrowawayPostgres.StartAsync(Options, CancellationToken.None);
    }

    /// <summary>Creates an empty database with a unique name and returns its Npgsql connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = NewDatabaseName();
        await ExecuteAdminAsync($"CREATE DATABASE {name}", cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>Creates a database with the DeepDive schema already migrated, copied from a template migrated once.</summary>
    public async Task<Database> CreateMigratedDatabaseAsync(CancellationToken cancellationToken = default)
    {
        await EnsureTemplateAsync(cancellationToken);
        var name = NewDatabaseName();
        await ExecuteAdminAsync($"CREATE DATABASE {name} TEMPLATE {TemplateName}", cancellationToken);
        return Database.Open(ConnectionString(name));
    }

    /// <summary>The connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        // Many small test databases: let idle pooled connections go soon so they do not pile up on the server.
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Connection Idle Lifetime=10;Connection Pruning Interval=5";

    public async Task DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
            server = null;
        }

        templateLock.Dispose();
    }

    private string NewDatabaseName() => $"deepdive_test_{Interlocked.Increment(ref databaseCount)}_{Guid.NewGuid():N}";

    private async Task EnsureTemplateAsync(CancellationToken cancellationToken)
    {
        await templateLock.WaitAsync(cancellationToken);
        try
        {
            if (templateReady)
            {
                return;
            }

            await ExecuteAdminAsync($"CREATE DATABASE {TemplateName}", cancellationToken);
            // No pooling: CREATE DATABASE ... TEMPLATE refuses while anyone is still connected to the template.
            Migrator.Upgrade(Database.Open(ConnectionString(TemplateName) + ";Pooling=false"));
            templateReady = true;
        }
        finally
        {
            templateLock.Release();
        }
    }

    private async Task ExecuteAdminAsync(string sql, CancellationToken cancellationToken)
    {
        var running = EnsureRunning();
        await using var connection = new NpgsqlConnection(running.AdminConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private ThrowawayPostgres EnsureRunning()
    {
        if (server is not { IsRunning: true })
        {
            throw new InvalidOperationException(PostgresBinaries.Unavailable is { } reason
                ? $"{reason} (CI=true: PostgreSQL tests must run here.)"
                : $"The PostgreSQL test server is not running.{Environment.NewLine}{server?.RecentLog()}");
        }

        return server;
    }
}
