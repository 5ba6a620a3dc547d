namespace DeepDive.Bench;

/// <summary>
/// How a bench suite measures its stores: each warms up on a fresh store of its kind before any is measured (code
/// shared between them would otherwise be measured colder for the first), then each round measures every store on a
/// fresh one, in turn, so a burst of other work on the machine hits them alike; the order alternates round by round,
/// so none is always measured first (while the runtime is still tiering up) or last.
/// </summary>
public static class BenchRounds
{
    public sealed record Store(BenchProvider Provider, Func<Task<BenchStore>> NewStore);

    /// <summary>Each store's outcomes, one a round in the order the rounds ran, and the order of each round.</summary>
    public sealed record Measured<T>(IReadOnlyDictionary<BenchProvider, List<T>> Outcomes, IReadOnlyList<IReadOnlyList<BenchProvider>> Orders);

    /// <summary>The order stores are measured in within a round: as listed in odd rounds, reversed in even ones.</summary>
    /// <param name="round">1 for the first round.</param>
    public static IReadOnlyList<T> InOrder<T>(IReadOnlyList<T> stores, int round) =>
        round % 2 == 1 ? stores : stores.Reverse().ToList();

    /// <param name="what">What one run runs, for progress lines: "workflows", "deep dives".</param>
    /// <param name="run">One run of a count on a fresh store.</param>
    public static async Task<Measured<T>> MeasureAsync<T>(
        IReadOnlyList<Store> stores, int warmUp, int count, int rounds, string what, Func<BenchStore, int, Task<T>> run, IProgress<string>? progress)
    {
        if (warmUp > 0)
        {
            foreach (var store in stores)
            {
                progress?.Report($"{WorkflowBenchmark.Name(store.Provider)}: warming up with {warmUp} {what}");
                await using var fresh = await store.NewStore();
                await run(fresh, warmUp);
            }
        }

        var outcomes = stores.ToDictionary(s => s.Provider, _ => new List<T>());
        var orders = new List<IReadOnlyList<BenchProvider>>();
        for (var round = 1; round <= rounds; round++)
        {
            var order = InOrder(stores, round);
            orders.Add(order.Select(s => s.Provider).ToList());
            foreach (var store in order)
            {
                progress?.Report($"{WorkflowBenchmark.Name(store.Provider)}: running {count} {what} (round {round} of {rounds})");
                await using var fresh = await store.NewStore();
                outcomes[store.Provider].Add(await run(fresh, count));
            }
        }

        return new Measured<T>(outcomes, orders);
    }
}
