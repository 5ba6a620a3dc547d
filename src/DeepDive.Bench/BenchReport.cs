using DeepDive.Engine.Workflows.Execution;

namespace DeepDive.Bench;

/// <summary>Which measurements a run of the workflow bench makes.</summary>
public enum BenchSuite
{
    /// <summary>Both suites, the persistence one first.</summary>
    All,

    /// <summary>The bench workflow on WorkflowCore's in-memory store and on ours: the persistence layer's cost.</summary>
    Persistence,

    /// <summary>The real deep-dive workflow on the real engine, its tasks submitted as auditors do: the engine's own figure.</summary>
    DeepDive,
}

/// <summary>How the bench host and load are set up; the same for every provider in a run.</summary>
public sealed record BenchOptions
{
    public BenchSuite Suite { get; init; } = BenchSuite.All;

    /// <summary>How many bench workflows each provider runs in the persistence suite.</summary>
    public int Count { get; init; } = 5000;

    /// <summary>
    /// How many workflows are started, or have had their event published, but are not yet through that phase.
    /// The event phase is a closed loop: each of these many publishers publishes one event, waits for its
    /// workflow to complete, then publishes the next. It bounds the queue in front of WorkflowCore, so the
    /// resume latency measures the engine and the store, not how deep a burst of N events piled up.
    /// </summary>
    public int InFlight { get; init; } = 16;

    /// <summary>
    /// How often WorkflowCore polls the store: the engine's own setting (<c>RuntimeOptions</c>). Nothing in the
    /// bench waits for a poll; with our provider each poll turns every runnable instance, including those already
    /// queued, into a scheduled command that queues it again, so a shorter interval costs ours repeated executions.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a WorkflowCore consumer sleeps when all its slots are busy (its default is 100 ms). The event
    /// consumer has max(cores, 2) slots, so with the default a third event waits 100 ms for a free slot.
    /// </summary>
    public TimeSpan IdleTime { get; init; } = TimeSpan.FromMilliseconds(1);

    public int MaxConcurrentWorkflows { get; init; } = EngineSettings.MaxConcurrentWorkflows;

    /// <summary>
    /// The thread pool's minimum worker threads during the run (0 leaves it alone). WorkflowCore's single-node
    /// queue blocks a pool thread in each consumer's dequeue and its lifecycle publisher blocks one for good;
    /// with the default minimum (the core count, 2 here) async store calls then wait for the pool to grow.
    /// </summary>
    public int MinWorkerThreads { get; init; } = 32;

    /// <summary>Workflows run on a separate fresh store of each kind before its measured run, so JIT and pools are warm.</summary>
    public int WarmUpCount { get; init; } = 1000;

    /// <summary>How many times each provider is measured, in turn; the report takes medians over the rounds.</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>Measure ours on PostgreSQL too, when a server is given or can be started.</summary>
    public bool IncludePostgres { get; init; } = true;

    /// <summary>A PostgreSQL server to create the bench databases on; null starts a throwaway server.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>Let PostgreSQL commit without waiting for the WAL flush (<c>synchronous_commit=off</c>), to compare; durable otherwise.</summary>
    public bool PostgresAsyncCommit { get; init; }

    /// <summary>How many deep dives each store runs in the deep-dive suite, per round.</summary>
    public int DeepDives { get; init; } = 200;

    /// <summary>Deep dives run on a separate fresh store of each kind before the deep-dive suite's measured runs.</summary>
    public int DeepDiveWarmUp { get; init; } = 50;

    /// <summary>How many auditors submit their tasks at once in the deep-dive suite.</summary>
    public int Auditors { get; init; } = 16;

    /// <summary>The longest one provider's run may take before the benchmark gives up.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(15);
}

/// <summary>One provider's figures from one run: with several rounds, from its median round (by throughput).</summary>
/// <param name="Completed">Workflows the store holds as complete and graded, read back from it after the run (the fewest of any round).</param>
/// <param name="Seconds">Wall time from the first start to the last completion: the start phase plus the event phase.</param>
/// <param name="StartSeconds">From the first start until every workflow was persisted waiting for its event.</param>
/// <param name="EventSeconds">From the first event published until every workflow was persisted complete.</param>
/// <param name="RatioToInMemory">This provider's throughput over the in-memory provider's in the same round (median over rounds).</param>
/// <param name="RoundWorkflowsPerSecond">Each round's throughput, in the order the rounds ran.</param>
/// <param name="RoundRatiosToInMemory">Each round's throughput over the in-memory provider's in that round.</param>
/// <param name="P50Ms">Median resume latency, event published to the grade step running, over every round's samples.</param>
/// <param name="Collector">What the garbage collector did during the median round.</param>
public sealed record ProviderResult(
    BenchProvider Provider,
    string Name,
    int Workflows,
    int Completed,
    double Seconds,
    double StartSeconds,
    double EventSeconds,
    double WorkflowsPerSecond,
    double RatioToInMemory,
    int Rounds,
    IReadOnlyList<double> RoundWorkflowsPerSecond,
    IReadOnlyList<double> RoundRatiosToInMemory,
    int LatencySamples,
    double P50Ms,
    double P99Ms,
    double MaxMs,
    IReadOnlyList<StoreCallSummary> StoreCalls,
    CollectorFigures Collector);

/// <summary>A stated goal and whether this run met it.</summary>
public sealed record BenchGoal(string Goal, string Measured, bool Met);

/// <param name="Providers">The persistence suite's figures, one per provider; empty when that suite was not run.</param>
/// <param name="RoundOrders">The order the persistence suite ran the providers in, round by round: it alternates.</param>
/// <param name="PostgresCommits">How the bench's PostgreSQL databases committed (durable or not); null when PostgreSQL was not measured.</param>
/// <param name="DeepDives">The deep-dive suite's figures; null when that suite was not run.</param>
/// <param name="LoadBefore">The machine's one-minute load average before the run (null where it cannot be read).</param>
public sealed record BenchReport(
    BenchOptions Options,
    IReadOnlyList<ProviderResult> Providers,
    IReadOnlyList<IReadOnlyList<BenchProvider>> RoundOrders,
    string? PostgresUnavailable,
    string? PostgresCommits,
    DeepDiveReport? DeepDives,
    IReadOnlyList<BenchGoal> Goals,
    int Cores,
    double? LoadBefore,
    double? LoadAfter);


public static class Percentile
{
    /// <summary>The nearest-rank percentile (<paramref name="fraction"/> in 0..1) of the values, in milliseconds.</summary>
    public static double Of(IReadOnlyCollection<TimeSpan> values, double fraction)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Select(v => v.TotalMilliseconds).Order().ToArray();
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
