namespace DeepDive.Bench;

/// <summary>One store's figures from the deep-dive suite: with several rounds, from its median round (by throughput).</summary>
/// <param name="Closed">Deep dives the store holds as closed and graded after the run (the fewest of any round).</param>
/// <param name="Seconds">From the first deep dive started to the last one closed: opening plus submitting.</param>
/// <param name="OpeningSeconds">From the first deep dive started until every one of their tasks was open.</param>
/// <param name="SubmittingSeconds">From the first task submitted until every deep dive was closed.</param>
/// <param name="RatioToSqlite">This store's throughput over ours on SQLite's in the same round (median over rounds).</param>
/// <param name="P50Ms">Median latency from an auditor's submission to the deep dive's step taking it, over every round's tasks.</param>
public sealed record DeepDiveStoreResult(
    BenchProvider Provider,
    string Name,
    int DeepDives,
    int Closed,
    double Seconds,
    double OpeningSeconds,
    double SubmittingSeconds,
    double DeepDivesPerSecond,
    double RatioToSqlite,
    IReadOnlyList<double> RoundDeepDivesPerSecond,
    IReadOnlyList<double> RoundRatiosToSqlite,
    int LatencySamples,
    double P50Ms,
    double P99Ms,
    double MaxMs);

/// <summary>The deep-dive suite: the real workflow on the real engine, on each of our stores.</summary>
/// <param name="TasksPerDeepDive">Single-agency audit tasks each deep dive opens and waits for.</param>
/// <param name="PollInterval">How often the engine looks for submitted tasks: a submission waits for its next look.</param>
/// <param name="IdleTime">How long the engine's consumers sleep when all their slots are busy (the engine's own setting).</param>
/// <param name="RoundOrders">The order the stores ran in, round by round: it alternates.</param>
/// <param name="InMemoryNote">Why WorkflowCore's in-memory store is not measured in this suite.</param>
public sealed record DeepDiveReport(
    int DeepDives,
    int TasksPerDeepDive,
    int Auditors,
    TimeSpan PollInterval,
    TimeSpan IdleTime,
    int Rounds,
    IReadOnlyList<DeepDiveStoreResult> Stores,
    IReadOnlyList<IReadOnlyList<BenchProvider>> RoundOrders,
    string InMemoryNote);
