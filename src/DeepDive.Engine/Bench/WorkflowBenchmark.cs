using System.Globalization;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Bench;

/// <summary>
/// Measures workflow throughput and resume latency side by side in one process and one run: WorkflowCore's
/// in-memory provider (the reference), ours on SQLite, and ours on PostgreSQL when a server is available.
/// Each provider gets a fresh store, a warm-up run on another fresh store, then its measured run.
/// </summary>
public static class WorkflowBenchmark
{
    public const double ThroughputGoal = 0.5;
    public const double P99GoalMs = 250;

    public static async Task<BenchReport> RunAsync(BenchOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.InFlight, 1);
        var loadBefore = MachineLoad.OneMinute();
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (options.MinWorkerThreads > workers)
        {
            ThreadPool.SetMinThreads(options.MinWorkerThreads, completionPorts);
        }

        try
        {
            return await MeasureAllAsync(options, progress, loadBefore, cancellationToken);
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, completionPorts);
        }
    }

    private static async Task<BenchReport> MeasureAllAsync(BenchOptions options, IProgress<string>? progress, double? loadBefore, CancellationToken cancellationToken)
    {
        var stores = new List<(BenchProvider Provider, Func<Task<BenchStore>> NewStore)>
        {
            (BenchProvider.InMemory, () => Task.FromResult(BenchStore.InMemory())),
            (BenchProvider.Sqlite, BenchStore.NewSqliteAsync),
        };
        ThrowawayPostgres? server = null;
        string? postgresUnavailable = null;
        try
        {
            if (options.IncludePostgres)
            {
                var serverConnection = options.PostgresConnectionString;
                if (serverConnection is null)
                {
                    progress?.Report("Starting a throwaway PostgreSQL server");
                    (server, postgresUnavailable) = await ThrowawayPostgres.TryStartAsync(ThrowawayPostgresOptions.Bench, cancellationToken);
                    serverConnection = server?.ConnectionString;
                    if (postgresUnavailable is not null)
                    {
                        postgresUnavailable += " Or pass --postgres to use another server.";
                    }
                }
                else
                {
                    postgresUnavailable = await CannotCreateDatabaseAsync(serverConnection, cancellationToken);
                }

                if (postgresUnavailable is null && serverConnection is not null)
                {
                    stores.Add((BenchProvider.Postgres, () => BenchStore.NewPostgresAsync(serverConnection, cancellationToken)));
                }
            }

            // Every provider warms up before any is measured: WorkflowCore's code is shared, and one measured while the
            // JIT was still compiling it for the others would be measured colder than they are.
            if (options.WarmUpCount > 0)
            {
                foreach (var (provider, newStore) in stores)
                {
                    progress?.Report($"{Name(provider)}: warming up with {options.WarmUpCount} workflows");
                    await using var warmUp = await newStore();
                    await BenchRun.RunAsync(warmUp, options.WarmUpCount, options, cancellationToken);
                }
            }

            // Rounds take the providers in turn, so a burst of other work on the machine hits them alike.
            var rounds = stores.ToDictionary(s => s.Provider, _ => new List<BenchRun.Outcome>());
            for (var round = 1; round <= options.Rounds; round++)
            {
                foreach (var (provider, newStore) in stores)
                {
                    progress?.Report($"{Name(provider)}: running {options.Count} workflows (round {round} of {options.Rounds})");
                    await using var store = await newStore();
                    rounds[provider].Add(await BenchRun.RunAsync(store, options.Count, options, cancellationToken));
                }
            }

            var results = stores.Select(s => Summarise(s.Provider, rounds[s.Provider], rounds[BenchProvider.InMemory], options.Count)).ToList();
            return new BenchReport(options, results, postgresUnavailable, Goals(results), Environment.ProcessorCount, loadBefore, MachineLoad.OneMinute());
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static async Task<string?> CannotCreateDatabaseAsync(string serverConnection, CancellationToken cancellationToken)
    {
        try
        {
            await using var probe = await BenchStore.NewPostgresAsync(serverConnection, cancellationToken);
            return null;
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return $"cannot create a bench database on the given server: {e.Message}";
        }
    }

    /// <summary>
    /// One provider over all rounds: the median round's throughput and timings, the median of the per-round
    /// ratios to the in-memory run of the same round, and latency percentiles over every round's samples.
    /// </summary>
    private static ProviderResult Summarise(BenchProvider provider, IReadOnlyList<BenchRun.Outcome> runs, IReadOnlyList<BenchRun.Outcome> reference, int count)
    {
        static double Rate(BenchRun.Outcome o, int n) => n / (o.Starts + o.Events).TotalSeconds;
        var median = runs.OrderBy(r => Rate(r, count)).ElementAt(runs.Count / 2);
        var roundRatios = runs.Select((r, i) => Rate(r, count) / Rate(reference[i], count)).ToList();
        var ratios = roundRatios.Order().ToList();
        var latencies = runs.SelectMany(r => r.Latencies).ToList();
        return new ProviderResult(
            provider,
            Name(provider),
            count,
            runs.Min(r => r.Completed),
            (median.Starts + median.Events).TotalSeconds,
            median.Starts.TotalSeconds,
            median.Events.TotalSeconds,
            Rate(median, count),
            ratios[ratios.Count / 2],
            runs.Count,
            runs.Select(r => Rate(r, count)).ToList(),
            roundRatios,
            latencies.Count,
            Percentile.Of(latencies, 0.50),
            Percentile.Of(latencies, 0.99),
            Percentile.Of(latencies, 1.0),
            median.Calls,
            median.Collector);
    }

    public static string Name(BenchProvider provider) => provider switch
    {
        BenchProvider.InMemory => "WorkflowCore in-memory",
        BenchProvider.Sqlite => "ours on SQLite",
        BenchProvider.Postgres => "ours on PostgreSQL",
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    private static List<BenchGoal> Goals(IReadOnlyList<ProviderResult> results)
    {
        var goals = new List<BenchGoal>();
        if (results.FirstOrDefault(r => r.Provider == BenchProvider.Sqlite) is { } sqlite)
        {
            goals.Add(new BenchGoal(
                $"ours on SQLite at least {ThroughputGoal.ToString("0.0#", CultureInfo.InvariantCulture)}x the in-memory throughput",
                $"{sqlite.RatioToInMemory.ToString("0.00", CultureInfo.InvariantCulture)}x",
                sqlite.RatioToInMemory >= ThroughputGoal));
        }

        foreach (var ours in results.Where(r => r.Provider != BenchProvider.InMemory))
        {
            goals.Add(new BenchGoal(
                $"{ours.Name}: p99 resume latency under {P99GoalMs.ToString(CultureInfo.InvariantCulture)} ms",
                $"{ours.P99Ms.ToString("0.0", CultureInfo.InvariantCulture)} ms",
                ours.P99Ms < P99GoalMs));
        }

        return goals;
    }
}
