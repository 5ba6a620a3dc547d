using System.Text.Json;
using DeepDive.Cli.Tests;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Bench.Tests.Web;

/// <summary>
/// <c>deepdive bench web</c> as a user runs it, at tiny sizes: the app served in the bench's process, its clients in a
/// second deepdive process. It checks the report's shape and that no request failed; no timing is asserted.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WebBenchmarkTests(PostgresServer postgres) : IDisposable
{
    private static readonly string[] Figures = ["requests_per_second", "p50_ms", "p95_ms", "p99_ms", "errors"];

    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Json_AtTinySizes_ReportsEveryRouteMeasuredOrNotServed_WithNoErrors()
    {
        var result = await cli.RunRawAsync(["bench", "web", "--tasks", "1000", "--auditors", "50", "--clients", "5", "--seconds", "3", "--warm-up", "1", "--json"],
            TimeSpan.FromMinutes(4));

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().Contain("Writing 1,000 tasks over 50 auditors", "progress goes to standard error");
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        foreach (var figure in Figures)
        {
            root.GetProperty(figure).ValueKind.Should().Be(JsonValueKind.Number, figure);
        }

        root.GetProperty("errors").GetInt32().Should().Be(0, result.StdOut);
        root.GetProperty("requests_per_second").GetDouble().Should().BePositive();
        var p50 = root.GetProperty("p50_ms").GetDouble();
        var p95 = root.GetProperty("p95_ms").GetDouble();
        p50.Should().BePositive().And.BeLessThanOrEqualTo(p95);
        p95.Should().BeLessThanOrEqualTo(root.GetProperty("p99_ms").GetDouble());

        var routes = root.GetProperty("routes").EnumerateObject().ToDictionary(r => r.Name, r => r.Value);
        routes.Should().NotBeEmpty();
        foreach (var (name, route) in routes)
        {
            foreach (var figure in Figures)
            {
                route.GetProperty(figure).ValueKind.Should().Be(JsonValueKind.Number, $"{name}.{figure}");
            }

            route.GetProperty("requests").GetInt32().Should().BePositive(name);
        }

        routes.Values.Sum(r => r.GetProperty("requests").GetInt32()).Should().Be(root.GetProperty("requests").GetInt32());
        var notServed = root.GetProperty("not_served").EnumerateObject().Select(r => r.Name).ToList();
        foreach (var expected in new[] { "inbox", "task", "submit" })
        {
            (routes.ContainsKey(expected) ^ notServed.Contains(expected)).Should().BeTrue($"{expected} is either measured or named as not served yet");
        }

        if (routes.TryGetValue("submit", out var submit))
        {
            submit.GetProperty("requests").GetInt32().Should().Be(5, "each client submits its task once");
        }

        var setup = root.GetProperty("setup");
        (setup.GetProperty("tasks").GetInt32(), setup.GetProperty("auditors").GetInt32(), setup.GetProperty("clients").GetInt32()).Should().Be((1000, 50, 5));
        setup.GetProperty("database").GetString().Should().Be("Sqlite");
        root.GetProperty("goal").GetProperty("result").GetString().Should().BeOneOf("PASS", "MISS");
    }

    [PostgresFact]
    public async Task OnPostgres_AtTinySizes_MeasuresWithNoErrors()
    {
        var result = await cli.RunRawAsync(["bench", "web", "--tasks", "400", "--auditors", "20", "--clients", "4", "--seconds", "2", "--warm-up", "1",
            "--postgres", postgres.ConnectionString("postgres"), "--json"], TimeSpan.FromMinutes(4));

        result.ExitCode.Should().Be(0, result.ToString());
        using var json = JsonDocument.Parse(result.StdOut);
        json.RootElement.GetProperty("setup").GetProperty("database").GetString().Should().Be("Postgres");
        json.RootElement.GetProperty("errors").GetInt32().Should().Be(0, result.StdOut);
        json.RootElement.GetProperty("requests").GetInt32().Should().BePositive();
    }

    [Fact]
    public async Task AMixNamingNoRoute_IsRefused_WithTheReason()
    {
        var result = await cli.RunRawAsync(["bench", "web", "--mix", "inbox=1,dashboard=2"]);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("--mix: 'dashboard' is not a route of the mix; use inbox, task, home");
    }
}
