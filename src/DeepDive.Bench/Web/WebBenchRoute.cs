namespace DeepDive.Bench.Web;

/// <summary>
/// One route the web bench's clients call: its name in the mix and the report, its method and path (with
/// <c>{taskId}</c> for the client's task, escaped as the app's links escape it), and the status codes that count as
/// success. A response with any other status, or none, is an error.
/// </summary>
public sealed record WebBenchRoute(string Name, string Method, string Template, int[] Success, string Description)
{
    /// <summary>The auditor's inbox: their tasks to do.</summary>
    public static readonly WebBenchRoute Inbox = new("inbox", "GET", "/tasks", [200], "the auditor's inbox");

    /// <summary>One of the auditor's open tasks.</summary>
    public static readonly WebBenchRoute Task = new("task", "GET", "/tasks/{taskId}", [200], "one of the auditor's open tasks");

    /// <summary>The completed audit tool for the auditor's task, once per client.</summary>
    public static readonly WebBenchRoute Submit = new("submit", "POST", "/api/v1/tasks/{taskId}/answers", [200, 201, 202, 204],
        "the client's one submission of an audit tool, with its personal access token");

    /// <summary>The front door: a signed-in user is sent on to their start page. Served today by every build of the app.</summary>
    public static readonly WebBenchRoute Home = new("home", "GET", "/", [302], "the front door, which sends a signed-in user to their start page");

    public static readonly IReadOnlyList<WebBenchRoute> All = [Inbox, Task, Submit, Home];

    /// <summary>The routes called again and again, by weight (the submission is once per client, outside the mix).</summary>
    public static readonly IReadOnlyDictionary<string, int> DefaultMix = new Dictionary<string, int> { [Inbox.Name] = 1, [Task.Name] = 1 };

    public static WebBenchRoute Named(string name) => All.Single(r => r.Name == name);

    public string Path(string? taskId) => Template.Replace("{taskId}", Uri.EscapeDataString(taskId ?? ""), StringComparison.Ordinal);

    /// <summary>
    /// Reads a mix such as <c>inbox=3,task=1</c>: weights of the repeated routes (inbox, task, home). Returns null and
    /// the reason when it cannot be used.
    /// </summary>
    public static (IReadOnlyDictionary<string, int>? Mix, string? Problem) ParseMix(string text)
    {
        var mix = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            var repeated = All.Where(r => r != Submit).Select(r => r.Name).ToList();
            if (!repeated.Contains(pair[0]))
            {
                return (null, $"'{pair[0]}' is not a route of the mix; use {string.Join(", ", repeated)} (the submission is once per client: --no-submit leaves it out)");
            }

            if (pair.Length != 2 || !int.TryParse(pair[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var weight))
            {
                return (null, $"'{part}' needs a whole-number weight, like {pair[0]}=2");
            }

            mix[pair[0]] = weight;
        }

        return mix.Values.Sum() == 0 ? (null, "the mix needs at least one route with a weight above 0, like inbox=1,task=1") : (mix, null);
    }
}
