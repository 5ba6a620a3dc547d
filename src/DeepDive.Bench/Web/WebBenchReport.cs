namespace DeepDive.Bench.Web;

/// <summary>
/// One run of the web bench: how it was set up, how long the set-up took, what the clients measured, the routes this
/// build does not serve yet (left out of the run), and whether the goal was met.
/// </summary>
public sealed record WebBenchReport(
    WebBenchOptions Options,
    string Database,
    int Cores,
    double? LoadBefore,
    double? LoadAfter,
    double SeedSeconds,
    double UsersSeconds,
    IReadOnlyDictionary<string, int> Mix,
    IReadOnlyList<WebBenchRoute> NotServed,
    WebBenchResult Result)
{
    public bool GoalMet => Result.All.Errors == 0 && Result.All.Requests > 0 && Result.All.P95Ms < WebBenchOptions.GoalP95Ms;

    public string Goal => $"p95 under {WebBenchOptions.GoalP95Ms:0} ms with no errors";

    /// <summary>
    /// Requests a second the machine's cores could serve at the measured processor time a request (server and clients),
    /// with nothing else running: what the figures would approach on a quiet machine.
    /// </summary>
    public double CapacityPerSecond =>
        Result.ServerCpuMsPerRequest + Result.ClientCpuMsPerRequest is var ms and > 0 ? Math.Round(Cores * 1000 / ms) : 0;

    public string Measured => $"p95 {Result.All.P95Ms:0.0} ms, {Result.All.Errors} errors in {Result.All.Requests:N0} requests";
}
