namespace DeepDive.Web;

/// <summary>How to serve: where to listen, whether to run the engine in the process, and settings that override the configuration.</summary>
public sealed record WebAppOptions
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Run Quartz, the workflows and the outbox here (false for extra web nodes beside <c>deepdive run --clustered</c>).</summary>
    public bool RunEngine { get; init; } = true;

    /// <summary>Settings as configuration keys (e.g. ConnectionStrings:DeepDive from --db), over appsettings.json and the environment.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>For tests: change the builder before the app is built (e.g. a test server, a clock).</summary>
    public Action<WebApplicationBuilder>? Configure { get; init; }
}
