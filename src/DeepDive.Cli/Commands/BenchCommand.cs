using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DeepDive.Cli.Tables;
using DeepDive.Bench;
using DeepDive.Engine.Workflows.Execution;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class BenchWorkflowsSettings : BenchDatabaseSettings
{
    [CommandOption("--suite <SUITE>")]
    [Description("persistence (the bench workflow on each store, against WorkflowCore's in-memory one), deep-dive (the real deep dive on the real engine, its tasks submitted as auditors do) or all. Default: all")]
    [DefaultValue("all")]
    public string Suite { get; init; } = "all";

    [CommandOption("--pg-async-commit")]
    [Description("Let PostgreSQL commit without waiting for its log to reach the disk (synchronous_commit=off), to compare. Default: durable commits")]
    public bool PgAsyncCommit { get; init; }

    [CommandOption("--deep-dives <N>")]
    [Description("How many deep dives each store runs per round in the deep-dive suite. Default: 200")]
    [DefaultValue(200)]
    public int DeepDives { get; init; } = 200;

    [CommandOption("--auditors <N>")]
    [Description("Auditors submitting tasks at once in the deep-dive suite. Default: 16")]
    [DefaultValue(16)]
    public int Auditors { get; init; } = 16;

    [CommandOption("--count <N>")]
    [Description("How many workflows each provider runs in the persistence suite. Default: 5000")]
    [DefaultValue(5000)]
    public int Count { get; init; } = 5000;

    [CommandOption("--rounds <N>")]
    [Description("Measure every provider this many times, taking turns, and report medians: steadier figures on a busy machine. Default: 1")]
    [DefaultValue(1)]
    public int Rounds { get; init; } = 1;

    [CommandOption("--in-flight <N>")]
    [Description("Workflows in flight at once: concurrent starters, and publishers that each wait for their workflow to complete. Default: 16")]
    [DefaultValue(16)]
    public int InFlight { get; init; } = 16;

    [CommandOption("--max-concurrent <N>")]
    [Description("WorkflowCore's MaxConcurrentWorkflows. Default: 32, the engine's own")]
    [DefaultValue(EngineSettings.MaxConcurrentWorkflows)]
    public int MaxConcurrent { get; init; } = EngineSettings.MaxConcurrentWorkflows;

    [CommandOption("--poll-ms <MS>")]
    [Description("WorkflowCore's poll interval in milliseconds. Default: 2000, the engine's own")]
    [DefaultValue(2000)]
    public int PollMs { get; init; } = 2000;

    [CommandOption("--idle-ms <MS>")]
    [Description("WorkflowCore's idle time in milliseconds. Default: 1")]
    [DefaultValue(1)]
    public int IdleMs { get; init; } = 1;

    [CommandOption("--min-threads <N>")]
    [Description("Minimum thread-pool worker threads during the run; 0 leaves the runtime's default (the core count). Default: 32")]
    [DefaultValue(32)]
    public int MinThreads { get; init; } = 32;

    [CommandOption("--store-calls")]
    [Description("Also print, per provider, the persistence calls WorkflowCore made and their mean time.")]
    public bool StoreCalls { get; init; }

    public BenchSuite ParsedSuite => Suite.ToLowerInvariant() switch
    {
        "persistence" => BenchSuite.Persistence,
        "deep-dive" => BenchSuite.DeepDive,
        _ => BenchSuite.All,
    };

    public override ValidationResult Validate() =>
        Suite.ToLowerInvariant() is not ("all" or "persistence" or "deep-dive")
            ? ValidationResult.Error($"--suite must be persistence, deep-dive or all, not '{Suite}'.")
        : Count < 1 || Rounds < 1 || InFlight < 1 || MaxConcurrent < 1 || PollMs < 1 || DeepDives < 1 || Auditors < 1 || IdleMs < 0 || MinThreads < 0
            ? ValidationResult.Error("--count, --rounds, --in-flight, --max-concurrent, --poll-ms, --deep-dives and --auditors must be at least 1; --idle-ms and --min-threads at least 0.")
            : ValidationResult.Success();
}

/// <summary>Workflow throughput and resume latency of WorkflowCore's in-memory provider and ours, side by side in one run.</summary>
public sealed class BenchWorkflowsCommand : AsyncCommand<BenchWorkflowsSettings>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public override async Task<int> ExecuteAsync(CommandContext context, BenchWorkflowsSettings settings, CancellationToken cancellationToken)
    {
        var options = new BenchOptions
        {
            Suite = settings.ParsedSuite,
            PostgresAsyncCommit = settings.PgAsyncCommit,
            DeepDives = settings.DeepDives,
            Auditors = settings.Auditors,
            Count = settings.Count,
            Rounds = settings.Rounds,
            InFlight = settings.InFlight,
            MaxConcurrentWorkflows = settings.MaxConcurrent,
            PollInterval = TimeSpan.FromMilliseconds(settings.PollMs),
            IdleTime = TimeSpan.FromMilliseconds(settings.IdleMs),
            PostgresConnectionString = settings.Postgres,
            IncludePostgres = !settings.NoPostgres,
            MinWorkerThreads = settings.MinThreads,
        };
        // Progress goes to stderr, so --json output stays a clean document.
        var log = new Progress<string>(line => Console.Error.WriteLine(line));
        var report = await WorkflowBenchmark.RunAsync(options, log, cancellationToken);
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(ForJson(report, settings.StoreCalls), JsonOptions));
        }
        else
        {
            Print(report, settings.StoreCalls);
        }

        return 0;
    }

    private static object ForJson(BenchReport report, bool storeCalls) => new
    {
        options = new
        {
            report.Options.Count,
            report.Options.Rounds,
            report.Options.InFlight,
            report.Options.MaxConcurrentWorkflows,
            PollIntervalMs = report.Options.PollInterval.TotalMilliseconds,
            IdleTimeMs = report.Options.IdleTime.TotalMilliseconds,
            report.Options.WarmUpCount,
            report.Options.MinWorkerThreads,
            Suite = report.Options.Suite == BenchSuite.DeepDive ? "deep-dive" : report.Options.Suite.ToString().ToLowerInvariant(),
            report.Options.PostgresAsyncCommit,
        },
        machine = new { report.Cores, report.LoadBefore, report.LoadAfter },
        roundOrders = report.RoundOrders.Select(order => order.Select(WorkflowBenchmark.Name)),
        providers = report.Providers.Select(p => new
        {
            p.Provider,
            p.Name,
            p.Workflows,
            p.Completed,
            WorkflowsPerSecond = Math.Round(p.WorkflowsPerSecond, 1),
            RatioToInMemory = Math.Round(p.RatioToInMemory, 3),
            Rounds = p.RoundWorkflowsPerSecond.Select((rate, i) => new
            {
                WorkflowsPerSecond = Math.Round(rate, 1),
                RatioToInMemory = Math.Round(p.RoundRatiosToInMemory[i], 3),
            }),
            P50Ms = Math.Round(p.P50Ms, 2),
            P99Ms = Math.Round(p.P99Ms, 2),
            MaxMs = Math.Round(p.MaxMs, 2),
            Seconds = Math.Round(p.Seconds, 3),
            StartSeconds = Math.Round(p.StartSeconds, 3),
            EventSeconds = Math.Round(p.EventSeconds, 3),
            Collector = new
            {
                p.Collector.Collections,
                p.Collector.OlderCollections,
                PausedSeconds = Math.Round(p.Collector.PausedSeconds, 3),
                AllocatedKbPerWorkflow = Math.Round(p.Collector.AllocatedKbPerWorkflow, 1),
            },
            StoreCalls = storeCalls ? p.StoreCalls : null,
        }),
        postgres = !report.Options.IncludePostgres ? "not asked for"
            : report.PostgresUnavailable is null ? "measured" : $"not available ({report.PostgresUnavailable})",
        postgresCommits = report.PostgresCommits,
        goals = report.Goals.Select(g => new { g.Goal, g.Measured, Result = g.Met ? "PASS" : "MISS" }),
        deepDives = report.DeepDives is { } deepDives ? BenchDeepDiveOutput.ForJson(deepDives) : null,
    };

    private static void Print(BenchReport report, bool storeCalls)
    {
        if (report.LoadBefore is { } before && report.LoadAfter is { } after)
        {
            AnsiConsole.MarkupLineInterpolated($"Machine: {report.Cores} cores, load average {before.ToString("0.0", CultureInfo.InvariantCulture)} before and {after.ToString("0.0", CultureInfo.InvariantCulture)} after: other work on the machine slows every store.");
        }

        if (report.PostgresCommits is { } commits)
        {
            AnsiConsole.MarkupLineInterpolated($"PostgreSQL commits: {commits}{(report.Options.PostgresAsyncCommit ? ", as --pg-async-commit asked" : "; --pg-async-commit compares without waiting for the disk")}.");
        }
        else if (report.PostgresUnavailable is { } reason)
        {
            AnsiConsole.MarkupLineInterpolated($"PostgreSQL: not available ({reason})");
        }

        if (report.Options.Suite is BenchSuite.All or BenchSuite.Persistence)
        {
            PrintPersistence(report, storeCalls);
        }

        if (report.DeepDives is { } deepDives)
        {
            BenchDeepDiveOutput.Print(deepDives);
        }
    }

    private static void PrintPersistence(BenchReport report, bool storeCalls)
    {
        static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        var o = report.Options;
        AnsiConsole.MarkupLineInterpolated(
            $"[bold]Persistence suite[/]: {o.Count:N0} bench workflows per provider and round (start, wait for a task event, grade, complete), {o.Rounds} round(s), {o.InFlight} in flight; WorkflowCore with MaxConcurrentWorkflows {o.MaxConcurrentWorkflows}, poll {F(o.PollInterval.TotalMilliseconds, "0")} ms, idle {F(o.IdleTime.TotalMilliseconds, "0")} ms; min pool threads {o.MinWorkerThreads}.");
        var table = new Table()
            .AddColumn("provider")
            .AddColumn(new TableColumn("workflows/s").RightAligned())
            .AddColumn(new TableColumn("ratio to in-memory").RightAligned())
            .AddColumn(new TableColumn("p50 ms").RightAligned())
            .AddColumn(new TableColumn("p99 ms").RightAligned())
            .AddColumn(new TableColumn("starts s + events s").RightAligned())
            .AddColumn(new TableColumn("completed").RightAligned());
        foreach (var p in report.Providers)
        {
            table.AddRow(
                Markup.Escape(p.Name), F(p.WorkflowsPerSecond, "N0"), F(p.RatioToInMemory, "0.00") + "x",
                F(p.P50Ms, "0.0"), F(p.P99Ms, "0.0"), $"{F(p.StartSeconds, "0.00")} + {F(p.EventSeconds, "0.00")}", $"{p.Completed:N0}");
        }

        FittedTable.Write(AnsiConsole.Console, table);
        if (o.Rounds > 1)
        {
            AnsiConsole.MarkupLineInterpolated($"Order of each round: {string.Join("; ", report.RoundOrders.Select(order => string.Join(", ", order.Select(WorkflowBenchmark.Name))))}.");
            AnsiConsole.MarkupLine("Each round, workflows/s (ratio to in-memory); the table shows the median round:");
            foreach (var p in report.Providers)
            {
                var rounds = p.RoundWorkflowsPerSecond.Select((rate, i) => $"{F(rate, "N0")} ({F(p.RoundRatiosToInMemory[i], "0.00")}x)");
                AnsiConsole.MarkupLineInterpolated($"  {p.Name}: {string.Join(", ", rounds)}");
            }
        }

        AnsiConsole.MarkupLine(o.Rounds > 1 ? "Garbage collector, median round:" : "Garbage collector:");
        foreach (var p in report.Providers)
        {
            var c = p.Collector;
            AnsiConsole.MarkupLineInterpolated(
                $"  {p.Name}: {c.Collections} collections ({c.OlderCollections} of them gen1 or gen2), {F(c.PausedSeconds, "0.00")} s paused, {F(c.AllocatedKbPerWorkflow, "N0")} KB allocated per workflow");
        }

        foreach (var goal in report.Goals)
        {
            var mark = goal.Met ? "[green]PASS[/]" : "[red]MISS[/]";
            AnsiConsole.MarkupLine($"{mark} {Markup.Escape(goal.Goal)}: {Markup.Escape(goal.Measured)}");
        }

        if (storeCalls)
        {
            foreach (var p in report.Providers)
            {
                var calls = new Table().Title(Markup.Escape($"{p.Name}: persistence calls")).AddColumns("method", "calls", "per workflow", "mean ms", "total ms");
                foreach (var c in p.StoreCalls)
                {
                    calls.AddRow(c.Method, $"{c.Calls:N0}", F((double)c.Calls / p.Workflows, "0.00"), F(c.MeanMs, "0.000"), F(c.TotalMs, "N0"));
                }

                FittedTable.Write(AnsiConsole.Console, calls);
            }
        }
    }
}
