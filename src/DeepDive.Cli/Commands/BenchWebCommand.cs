using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using DeepDive.Bench.Web;
using DeepDive.Cli.Tables;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class BenchWebSettings : CommandSettings
{
    [CommandOption("--tasks <N>")]
    [Description("Tasks in the bench partnership (two to a deep dive; the latest rounds' open, the rest submitted). Default: 100000")]
    [DefaultValue(100_000)]
    public int Tasks { get; init; } = 100_000;

    [CommandOption("--auditors <N>")]
    [Description("Auditors, each with an account, sharing the tasks evenly. Default: 500")]
    [DefaultValue(500)]
    public int Auditors { get; init; } = 500;

    [CommandOption("--clients <N>")]
    [Description("Signed-in auditors calling the app at once, one request after another with no pause. Default: 50")]
    [DefaultValue(50)]
    public int Clients { get; init; } = 50;

    [CommandOption("--seconds <N>")]
    [Description("How long the clients run, after signing in and warming up. Default: 30")]
    [DefaultValue(30)]
    public int Seconds { get; init; } = 30;

    [CommandOption("--warm-up <SECONDS>")]
    [Description("How long the clients run the mix before the timed run, uncounted (pages compiled, caches filled). Default: 5")]
    [DefaultValue(5)]
    public int WarmUp { get; init; } = 5;

    [CommandOption("--mix <WEIGHTS>")]
    [Description("Weights of the routes called again and again: inbox (GET /tasks), task (GET /tasks/{taskId}), home (GET /). Routes this build does not serve yet are left out and named. Default: inbox=1,task=1")]
    [DefaultValue("inbox=1,task=1")]
    public string Mix { get; init; } = "inbox=1,task=1";

    [CommandOption("--no-submit")]
    [Description("Leave out each client's one submission (POST /api/v1/tasks/{taskId}/answers).")]
    public bool NoSubmit { get; init; }

    [CommandOption("--postgres <CONNECTION>")]
    [Description("A PostgreSQL server (Host=...) to create the bench database on. Default: SQLite in a scratch folder")]
    public string? Postgres { get; init; }

    [CommandOption("--json")]
    [Description("Print the results as JSON instead of a table.")]
    public bool Json { get; init; }

    public override ValidationResult Validate()
    {
        if (Tasks < 2 || Auditors < 4 || Clients < 1 || Seconds < 1 || WarmUp < 0)
        {
            return ValidationResult.Error("--tasks must be at least 2, --auditors at least 4 (one per agency), --clients and --seconds at least 1, --warm-up at least 0.");
        }

        if (Clients > Auditors)
        {
            return ValidationResult.Error($"--clients ({Clients}) cannot be more than --auditors ({Auditors}): each client signs in as an auditor of its own.");
        }

        return WebBenchRoute.ParseMix(Mix).Problem is { } problem ? ValidationResult.Error($"--mix: {problem}.") : ValidationResult.Success();
    }
}

/// <summary>
/// The web app under load: a partnership of 100,000 tasks over 500 auditors, the app with its engine in this process,
/// 50 signed-in auditors in another calling their inbox, their tasks and submitting one each. Goal: p95 under 100 ms, no errors.
/// </summary>
public sealed class BenchWebCommand : AsyncCommand<BenchWebSettings>
{
    public const string ClientCommand = "web-client";

    public override async Task<int> ExecuteAsync(CommandContext context, BenchWebSettings settings, CancellationToken cancellationToken)
    {
        var options = new WebBenchOptions
        {
            Tasks = settings.Tasks,
            Auditors = settings.Auditors,
            Clients = settings.Clients,
            Duration = TimeSpan.FromSeconds(settings.Seconds),
            WarmUp = TimeSpan.FromSeconds(settings.WarmUp),
            Mix = WebBenchRoute.ParseMix(settings.Mix).Mix!,
            Submit = !settings.NoSubmit,
            PostgresConnectionString = settings.Postgres,
        };
        // Progress goes to stderr, so --json output stays a clean document.
        var log = new Progress<string>(line => Console.Error.WriteLine(line));
        var report = await WebBenchmark.RunAsync(options, ThisCommand(), log, cancellationToken);
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(ForJson(report), WebBenchPlan.Json));
        }
        else
        {
            Print(report);
        }

        return 0;
    }

    /// <summary>This same deepdive command, run again as the bench's client process.</summary>
    private static WebBenchClientLauncher ThisCommand()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is not known.");
        string[] client = ["bench", ClientCommand];
        // Run as "dotnet deepdive.dll": the host is dotnet, and the command its first argument.
        return Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? new WebBenchClientLauncher(host, [Assembly.GetEntryAssembly()!.Location, .. client])
            : new WebBenchClientLauncher(host, client);
    }

    private static object ForJson(WebBenchReport report)
    {
        var all = report.Result.All;
        return new Dictionary<string, object?>
        {
            ["requests_per_second"] = all.RequestsPerSecond,
            ["p50_ms"] = all.P50Ms,
            ["p95_ms"] = all.P95Ms,
            ["p99_ms"] = all.P99Ms,
            ["errors"] = all.Errors,
            ["requests"] = all.Requests,
            ["server_cpu_ms_per_request"] = report.Result.ServerCpuMsPerRequest,
            ["client_cpu_ms_per_request"] = report.Result.ClientCpuMsPerRequest,
            ["routes"] = report.Result.Routes.ToDictionary(r => r.Route, r => new
            {
                r.Method, r.Path, r.Requests, r.RequestsPerSecond, r.P50Ms, r.P95Ms, r.P99Ms, r.MaxMs, r.Errors, r.ErrorKinds,
            }),
            ["not_served"] = report.NotServed.ToDictionary(r => r.Name, r => $"{r.Method} {r.Template}"),
            ["setup"] = new
            {
                report.Options.Tasks, report.Options.Auditors, report.Options.Clients, report.Result.Seconds,
                WarmUpSeconds = report.Options.WarmUp.TotalSeconds, report.Database, report.Mix,
                Submit = report.Result.Routes.Any(r => r.Route == WebBenchRoute.Submit.Name),
                report.SeedSeconds, report.UsersSeconds, report.Result.SignInSeconds,
            },
            ["machine"] = new { report.Cores, report.LoadBefore, report.LoadAfter, CapacityRequestsPerSecond = report.CapacityPerSecond },
            ["goal"] = new { report.Goal, report.Measured, Result = report.GoalMet ? "PASS" : "MISS" },
        };
    }

    private static void Print(WebBenchReport report)
    {
        static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        var o = report.Options;
        AnsiConsole.MarkupLineInterpolated(
            $"[bold]Web benchmark[/]: {o.Tasks:N0} tasks over {o.Auditors:N0} auditors on {report.Database}; {o.Clients} signed-in auditors calling the app with its engine from a separate process for {report.Result.Seconds:0.#} s after {o.WarmUp.TotalSeconds:0} s of warm-up, one request after another.");
        AnsiConsole.MarkupLineInterpolated(
            $"Set-up: the partnership written in {F(report.SeedSeconds)} s, {o.Auditors:N0} accounts in {F(report.UsersSeconds)} s, {o.Clients} sign-ins in {F(report.Result.SignInSeconds)} s.");
        if (report.LoadBefore is { } before && report.LoadAfter is { } after)
        {
            AnsiConsole.MarkupLineInterpolated($"Machine: {report.Cores} cores, load average {F(before)} before and {F(after)} after; the clients share the machine with the server.");
        }

        var table = new Table().AddColumn("route");
        foreach (var heading in new[] { "requests", "per second", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors" })
        {
            table.AddColumn(new TableColumn(heading).RightAligned());
        }

        foreach (var r in report.Result.Routes.Append(report.Result.All))
        {
            table.AddRow(r.Route, $"{r.Requests:N0}", F(r.RequestsPerSecond),
                F(r.P50Ms), F(r.P95Ms), F(r.P99Ms), F(r.MaxMs), $"{r.Errors:N0}");
        }

        FittedTable.Write(AnsiConsole.Console, table);
        foreach (var r in report.Result.Routes)
        {
            AnsiConsole.MarkupLineInterpolated($"  {r.Route}: {r.Method} {r.Path}");
        }

        AnsiConsole.MarkupLineInterpolated(
            $"Processor time a request: {report.Result.ServerCpuMsPerRequest:0.00} ms in the server's process (its engine included), {report.Result.ClientCpuMsPerRequest:0.00} ms in the clients'; at that cost the {report.Cores} cores could serve about {report.CapacityPerSecond:N0} requests a second with nothing else running.");
        foreach (var r in report.Result.Routes.Where(r => r.Errors > 0))
        {
            AnsiConsole.MarkupLineInterpolated($"Errors on {r.Route}: {string.Join(", ", r.ErrorKinds.Select(k => $"{k.Value:N0} × {k.Key}"))}");
        }

        foreach (var r in report.NotServed)
        {
            AnsiConsole.MarkupLineInterpolated($"Not served by this build, left out: {r.Name} ({r.Method} {r.Template}, {r.Description}).");
        }

        var mark = report.GoalMet ? "[green]PASS[/]" : "[red]MISS[/]";
        AnsiConsole.MarkupLine($"{mark} {Markup.Escape(report.Goal)}: {Markup.Escape(report.Measured)}");
    }
}
