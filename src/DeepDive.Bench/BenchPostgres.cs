using DeepDive.Engine.Storage;

namespace DeepDive.Bench;

/// <summary>
/// The PostgreSQL server the workflow bench's suites create their databases on: a given one, or a throwaway one
/// started for the run. Every bench database commits durably unless <see cref="BenchOptions.PostgresAsyncCommit"/>
/// asks otherwise, and <see cref="Commits"/> says what a session on one read back.
/// </summary>
public sealed class BenchPostgres : IAsyncDisposable
{
    private readonly ThrowawayPostgres? server;
    private readonly string? serverConnection;
    private readonly bool durableCommits;

    private BenchPostgres(ThrowawayPostgres? server, string? serverConnection, bool durableCommits, string? unavailable, string? commits)
    {
        this.server = server;
        this.serverConnection = serverConnection;
        this.durableCommits = durableCommits;
        Unavailable = unavailable;
        Commits = commits;
    }

    /// <summary>Why PostgreSQL is not measured in this run, when it was asked for; null when it is or was not asked for.</summary>
    public string? Unavailable { get; }

    /// <summary>How the bench databases commit, e.g. "durable (synchronous_commit=on, fsync=on)"; null when not measured.</summary>
    public string? Commits { get; }

    public bool IsAvailable => serverConnection is not null && Unavailable is null;

    /// <summary>Starts or probes the server the options ask for; never throws for a server that cannot be had, but says why.</summary>
    public static async Task<BenchPostgres> PrepareAsync(BenchOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var durable = !options.PostgresAsyncCommit;
        if (!options.IncludePostgres)
        {
            return new BenchPostgres(null, null, durable, null, null);
        }

        ThrowawayPostgres? server = null;
        var serverConnection = options.PostgresConnectionString;
        if (serverConnection is null)
        {
            progress?.Report("Starting a throwaway PostgreSQL server");
            (server, var unavailable) = await ThrowawayPostgres.TryStartAsync(ThrowawayPostgresOptions.Bench with { DurableCommits = durable }, cancellationToken);
            if (server is null)
            {
                return new BenchPostgres(null, null, durable, $"{unavailable} Or pass --postgres to use another server.", null);
            }

            serverConnection = server.ConnectionString;
        }

        var prepared = new BenchPostgres(server, serverConnection, durable, null, null);
        try
        {
            // Creating one database proves the server takes ours, and that one tells how its commits are made.
            await using var probe = await prepared.NewStoreAsync(cancellationToken);
            return new BenchPostgres(server, serverConnection, durable, null, await probe.DescribeCommitsAsync(cancellationToken));
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return new BenchPostgres(server, null, durable, $"cannot create a bench database on the server: {e.Message}", null);
        }
    }

    /// <summary>A fresh, migrated database on the server, committing as the run asks.</summary>
    public Task<BenchStore> NewStoreAsync(CancellationToken cancellationToken) => serverConnection is { } connection
        ? BenchStore.NewPostgresAsync(connection, cancellationToken, durableCommits)
        : throw new InvalidOperationException(Unavailable ?? "PostgreSQL was not asked for.");

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
