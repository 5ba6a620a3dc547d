namespace DeepDive.Bench.Web;

/// <summary>
/// What the clients measured on one route (or all of them): requests, requests a second over the timed run, latency
/// percentiles in milliseconds (nearest rank, from the request's first byte sent to its last byte read), and errors by kind.
/// </summary>
public sealed record WebBenchFigures(
    string Route,
    string Method,
    string Path,
    int Requests,
    double RequestsPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    int Errors,
    IReadOnlyDictionary<string, int> ErrorKinds)
{
    /// <summary>One request as a client saw it: how long it took, and what went wrong if it failed (null when it succeeded).</summary>
    public readonly record struct Sample(double Ms, string? Error);

    public static WebBenchFigures Of(string route, string method, string path, IReadOnlyList<Sample> samples, double seconds)
    {
        var sorted = samples.Select(s => s.Ms).Order().ToArray();
        var errors = samples.Where(s => s.Error is not null).GroupBy(s => s.Error!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new WebBenchFigures(route, method, path, samples.Count, Math.Round(samples.Count / seconds, 1),
            Percentile(sorted, 50), Percentile(sorted, 95), Percentile(sorted, 99), sorted.Length == 0 ? 0 : Math.Round(sorted[^1], 1),
            errors.Values.Sum(), errors);
    }

    /// <summary>The nearest-rank percentile of sorted values, rounded to 0.1 ms; 0 when there are none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return Math.Round(sorted[Math.Clamp(rank, 1, sorted.Count) - 1], 1);
    }
}
