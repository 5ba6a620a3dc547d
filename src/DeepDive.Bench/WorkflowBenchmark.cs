using System.Globalization;

namespace DeepDive.Bench;

/// <summary>
/// Measures workflow throughput and resume latency side by side in one process and one run. The persistence suite
/// runs the bench workflow on WorkflowCore's in-memory provider (the reference), ours on SQLite, and ours on
/// PostgreSQL when a server is available: each gets a warm-up run on a fresh store, then a fresh store per round.
/// The deep-dive suite (<see cref="DeepDiveBenchmark"/>) runs the real deep dive on the real engine.
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
        await using var postgres = await BenchPostgres.PrepareAsync(options, progress, cancellationToken);
        List<ProviderResult> results = [];
        List<IReadOnlyList<BenchProvider>> orders = [];
        if (options.Suite is BenchSuite.All or BenchSuite.Persistence)
        {
            (results, orders) = await MeasurePersistenceAsync(options, postgres, progress, cancellationToken);
        }

        var deepDives = options.Suite is BenchSuite.All or BenchSuite.DeepDive
            ? await DeepDiveBenchmark.RunAsync(options, postgres, progress, cancellationToken)
            : null;
        return new BenchReport(options, results, orders, postgres.Unavailable, postgres.Commits, deepDives, Goals(results),
            Environment.ProcessorCount, loadBefore, MachineLoad.OneMinute());
    }

    private static async Task<(List<ProviderResult> Results, List<IReadOnlyList<BenchProvider>> Orders)> MeasurePersistenceAsync(
        BenchOptions options, BenchPostgres postgres, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var stores = new List<BenchRounds.Store>
        {
            new(BenchProvider.InMemory, () => Task.FromResult(BenchStore.InMemory())),
            new(BenchProvider.Sqlite, BenchStore.NewSqliteAsync),
        };
        if (postgres.IsAvailable)
        {
            stores.Add(new(BenchProvider.Postgres, () => postgres.NewStoreAsync(cancellationToken)));
        }

        var (rounds, orders) = await BenchRounds.MeasureAsync(stores, options.WarmUpCount, options.Count, options.Rounds, "workflows",
            (store, count) => BenchRun.RunAsync(store, count, options, cancellationToken), progress);
        var results = stores.Select(s => Summarise(s.Provider, rounds[s.Provider], rounds[BenchProvider.InMemory], options.Count)).ToList();
        return (results, orders.ToList());
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
