namespace DeepDive.Bench.Web;

/// <summary>How big the web bench's partnership is and how its clients load the app.</summary>
public sealed record WebBenchOptions
{
    public int Tasks { get; init; } = 100_000;

    public int Auditors { get; init; } = 500;

    /// <summary>Signed-in auditors calling the app at once, each one request after another with no pause.</summary>
    public int Clients { get; init; } = 50;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the clients run the mix before the timed run, uncounted: pages compiled, caches filled, the busiest code recompiled.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Weights of the routes called again and again (<see cref="WebBenchRoute.ParseMix"/>).</summary>
    public IReadOnlyDictionary<string, int> Mix { get; init; } = WebBenchRoute.DefaultMix;

    /// <summary>Whether each client submits its task once during the run.</summary>
    public bool Submit { get; init; } = true;

    public int Seed { get; init; } = 2027;

    /// <summary>A PostgreSQL server (Host=...) to create the bench database on; SQLite in a scratch folder when null.</summary>
    public string? PostgresConnectionString { get; init; }

    /// <summary>The goal on the 2-core build machine: the 95th percentile of all requests under this, with no errors.</summary>
    public const double GoalP95Ms = 100;
}

/// <summary>How to start the client process: the deepdive command (or a test's copy of it) up to its hidden <c>bench web-client</c>.</summary>
public sealed record WebBenchClientLauncher(string FileName, IReadOnlyList<string> Arguments);
