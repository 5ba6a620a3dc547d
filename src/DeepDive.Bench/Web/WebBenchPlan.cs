using System.Text.Json;

namespace DeepDive.Bench.Web;

/// <summary>
/// What the bench hands its client process: where the app listens, the clients' accounts (one shared password), each
/// client's open tasks to view, its task to submit and the token to submit it with, how long to run, and the mix of routes. Written as a JSON file;
/// the client writes its <see cref="WebBenchResult"/> back the same way. The server's process id lets the client read the
/// processor time the server used during the timed run.
/// </summary>
public sealed record WebBenchPlan(
    string BaseUrl,
    int ServerProcessId,
    string Password,
    double Seconds,
    double WarmUpSeconds,
    IReadOnlyDictionary<string, int> Mix,
    bool Submit,
    int Seed,
    IReadOnlyList<WebBenchPlan.Client> Clients)
{
    /// <param name="Token">The client's personal access token: the API takes a change only with one, never with a session cookie.</param>
    public sealed record Client(string Email, IReadOnlyList<string> TaskIds, string? SubmitTaskId, string? Token);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
    };

    public Task SaveAsync(string path, CancellationToken cancellationToken) => WebBenchFiles.WriteAsync(path, this, cancellationToken);

    public static Task<WebBenchPlan> LoadAsync(string path, CancellationToken cancellationToken) =>
        WebBenchFiles.ReadAsync<WebBenchPlan>(path, cancellationToken);
}

/// <summary>
/// What the client process measured over the timed run: every route, and all of them together; and the processor time
/// the server's process (its engine included) and the clients' process used in it, per request: on a machine shared
/// with other work these say what a request costs when the latencies cannot.
/// </summary>
public sealed record WebBenchResult(
    double Seconds, double SignInSeconds, WebBenchFigures All, IReadOnlyList<WebBenchFigures> Routes, double ServerCpuMsPerRequest, double ClientCpuMsPerRequest);

/// <summary>The plan and the result travel between the two processes as JSON files.</summary>
public static class WebBenchFiles
{
    public static async Task WriteAsync<T>(string path, T value, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await JsonSerializer.SerializeAsync(file, value, WebBenchPlan.Json, cancellationToken);
    }

    public static async Task<T> ReadAsync<T>(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<T>(file, WebBenchPlan.Json, cancellationToken)
            ?? throw new InvalidDataException($"{path} holds no {typeof(T).Name}.");
    }
}
