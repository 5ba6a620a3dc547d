namespace DeepDive.Bench;

/// <summary>
/// The workflow bench's second suite: the real deep-dive workflow on the real engine (<see cref="DeepDiveBenchRun"/>),
/// on ours on SQLite and, when available, ours on PostgreSQL. Each store warms up on a fresh database, then the
/// rounds measure them in turn, the order alternating round by round.
/// </summary>
public static class DeepDiveBenchmark
{
    public const string InMemoryNote =
        "WorkflowCore's in-memory store cannot run the real deep dive: its steps write the tasks, answers, grades and journal "
        + "in our store's transaction, and a submitted task is stored as an event in our tables. The figures are absolute, "
        + "with PostgreSQL's ratio to SQLite.";

    public static async Task<DeepDiveReport> RunAsync(BenchOptions options, BenchPostgres postgres, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DeepDives, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Auditors, 1);
        var stores = new List<BenchRounds.Store> { new(BenchProvider.Sqlite, BenchStore.NewSqliteAsync) };
        if (postgres.IsAvailable)
        {
            stores.Add(new(BenchProvider.Postgres, () => postgres.NewStoreAsync(cancellationToken)));
        }

        var (rounds, orders) = await BenchRounds.MeasureAsync(stores, options.DeepDiveWarmUp, options.DeepDives, options.Rounds, "deep dives",
            (store, count) => DeepDiveBenchRun.RunAsync(store, count, options, cancellationToken), progress);
        var results = stores.Select(s => Summarise(s.Provider, rounds[s.Provider], rounds[BenchProvider.Sqlite], options.DeepDives)).ToList();
        return new DeepDiveReport(options.DeepDives, DeepDiveBenchRounds.Agencies.Count, options.Auditors, options.PollInterval,
            new Engine.Runtime.RuntimeOptions().IdleTime, options.Rounds,
            results, orders, InMemoryNote);
    }

    private static double Rate(DeepDiveBenchRun.Outcome o, int n) => n / (o.Opening + o.Submitting).TotalSeconds;

    private static DeepDiveStoreResult Summarise(BenchProvider provider, IReadOnlyList<DeepDiveBenchRun.Outcome> runs, IReadOnlyList<DeepDiveBenchRun.Outcome> sqlite, int count)
    {
        var median = runs.OrderBy(r => Rate(r, count)).ElementAt(runs.Count / 2);
        var roundRatios = runs.Select((r, i) => Rate(r, count) / Rate(sqlite[i], count)).ToList();
        var latencies = runs.SelectMany(r => r.Latencies).ToList();
        return new DeepDiveStoreResult(
            provider,
            WorkflowBenchmark.Name(provider),
            count,
            runs.Min(r => r.Closed),
            (median.Opening + median.Submitting).TotalSeconds,
            median.Opening.TotalSeconds,
            median.Submitting.TotalSeconds,
            Rate(median, count),
            roundRatios.Order().ElementAt(roundRatios.Count / 2),
            runs.Select(r => Rate(r, count)).ToList(),
            roundRatios,
            latencies.Count,
            Percentile.Of(latencies, 0.50),
            Percentile.Of(latencies, 0.99),
            Percentile.Of(latencies, 1.0));
    }
}
