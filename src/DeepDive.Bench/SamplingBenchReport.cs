namespace DeepDive.Bench;

/// <summary>What the sampling bench builds and how often it measures.</summary>
public sealed record SamplingBenchOptions
{
    /// <summary>The register the ratios are measured on.</summary>
    public int Cases { get; init; } = 1_000_000;

    /// <summary>A second, smaller register measured the same way, so the draw's peak memory can be compared across sizes; 0 skips it.</summary>
    public int SmallCases { get; init; } = 100_000;

    public int SampleSize { get; init; } = 150;

    /// <summary>Timed runs of each query after one warm-up run; the report takes medians.</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>The register's seed: the same seed and size give the same cases on every database.</summary>
    public int RegisterSeed { get; init; } = 2027;

    /// <summary>The bench round's seed.</summary>
    public long DrawSeed { get; init; } = 20270301;

    /// <summary>Measure PostgreSQL too, when a server is given or can be started.</summary>
    public bool IncludePostgres { get; init; } = true;

    /// <summary>A PostgreSQL server to create the bench databases on; null starts a throwaway server.</summary>
    public string? PostgresConnectionString { get; init; }
}

/// <summary>One register on one database: how it loaded, the three queries' median times, and the draw's memory.</summary>
/// <param name="Eligible">Cases in the population after the exclusion: what the floor reads and the draw ranks.</param>
/// <param name="Excluded">Cases that match the filter but were audited in the last twelve months.</param>
/// <param name="FloorSeconds">Median time to read the eligible cases' references once (same WHERE, no order, nothing else).</param>
/// <param name="OrderedFloorSeconds">Median time to read the same references in reference order: the least a hash over the sorted list (population hash version 1) could read.</param>
/// <param name="DrawSeconds">Median time of the production draw (<c>SampleDrawer.DrawAsync</c>: the ranked stream in no order, strata counts, the order-independent population hash, exclusion count).</param>
/// <param name="NaiveSeconds">Median time of <c>ORDER BY RANDOM() LIMIT k</c> with the same WHERE.</param>
/// <param name="DrawToFloor">Median over the repeats of draw time / floor time in the same repeat.</param>
/// <param name="DrawToOrderedFloor">Median over the repeats of draw time / ordered floor time in the same repeat.</param>
/// <param name="NaiveToDraw">Median over the repeats of naive time / draw time in the same repeat.</param>
public sealed record SamplingMeasurement(
    string Database,
    int Cases,
    double LoadSeconds,
    int PriorDeepDives,
    int Eligible,
    int Excluded,
    int Drawn,
    int Reserves,
    string Algorithm,
    string PopulationHash,
    double FloorSeconds,
    double OrderedFloorSeconds,
    double DrawSeconds,
    double NaiveSeconds,
    double DrawToFloor,
    double DrawToOrderedFloor,
    double NaiveToDraw,
    MemoryPeak DrawMemory,
    IReadOnlyList<string> Selected);

/// <param name="SameListOnEveryDatabase">Whether every database drew the identical list from the full-size register (null with one database).</param>
public sealed record SamplingBenchReport(
    SamplingBenchOptions Options,
    IReadOnlyList<SamplingMeasurement> Runs,
    string? PostgresUnavailable,
    bool? SameListOnEveryDatabase,
    IReadOnlyList<BenchGoal> Goals,
    int Cores,
    double? LoadBefore,
    double? LoadAfter);
