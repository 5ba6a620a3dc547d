using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using DeepDive.Cli.Tables;
using DeepDive.Bench;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class BenchSamplingSettings : BenchDatabaseSettings
{
    [CommandOption("--cases <N>")]
    [Description("Cases in the register the ratios are measured on. Default: 1000000")]
    [DefaultValue(1_000_000)]
    public int Cases { get; init; } = 1_000_000;

    [CommandOption("--small-cases <N>")]
    [Description("Cases in a second, smaller register, to compare the draw's peak memory; 0 skips it. Default: a tenth of --cases, at most 100000")]
    public int? SmallCases { get; init; }

    [CommandOption("--repeats <N>")]
    [Description("Timed runs of each query after a warm-up; the report takes medians. Default: 3")]
    [DefaultValue(3)]
    public int Repeats { get; init; } = 3;

    public int EffectiveSmallCases => SmallCases ?? Math.Min(100_000, Cases / 10);

    public override ValidationResult Validate()
    {
        if (Cases < 1 || Repeats < 1)
        {
            return ValidationResult.Error("--cases and --repeats must be at least 1.");
        }

        return EffectiveSmallCases < 0 || EffectiveSmallCases >= Cases
            ? ValidationResult.Error($"--small-cases must be at least 0 and below --cases ({Cases}).")
            : ValidationResult.Success();
    }
}

/// <summary>The production draw beside the physical floor and the naive ORDER BY RANDOM(), on a bulk-loaded register.</summary>
public sealed class BenchSamplingCommand : AsyncCommand<BenchSamplingSettings>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public override async Task<int> ExecuteAsync(CommandContext context, BenchSamplingSettings settings, CancellationToken cancellationToken)
    {
        var options = new SamplingBenchOptions
        {
            Cases = settings.Cases,
            SmallCases = settings.EffectiveSmallCases,
            Repeats = settings.Repeats,
            IncludePostgres = !settings.NoPostgres,
            PostgresConnectionString = settings.Postgres,
        };
        // Progress goes to stderr, so --json output stays a clean document.
        var log = new Progress<string>(line => Console.Error.WriteLine(line));
        var report = await SamplingBenchmark.RunAsync(options, log, cancellationToken);
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(ForJson(report), JsonOptions));
        }
        else
        {
            Print(report);
        }

        return 0;
    }

    private static object ForJson(SamplingBenchReport report) => new
    {
        options = new { report.Options.Cases, report.Options.SmallCases, report.Options.SampleSize, report.Options.Repeats, report.Options.RegisterSeed, report.Options.DrawSeed },
        machine = new { report.Cores, report.LoadBefore, report.LoadAfter },
        runs = report.Runs.Select(r => new
        {
            r.Database,
            r.Cases,
            LoadSeconds = Math.Round(r.LoadSeconds, 3),
            r.PriorDeepDives,
            r.Eligible,
            r.Excluded,
            r.Drawn,
            r.Reserves,
            r.Algorithm,
            r.PopulationHash,
            FloorSeconds = Math.Round(r.FloorSeconds, 4),
            OrderedFloorSeconds = Math.Round(r.OrderedFloorSeconds, 4),
            DrawSeconds = Math.Round(r.DrawSeconds, 4),
            NaiveSeconds = Math.Round(r.NaiveSeconds, 4),
            DrawToFloor = Math.Round(r.DrawToFloor, 3),
            DrawToOrderedFloor = Math.Round(r.DrawToOrderedFloor, 3),
            NaiveToDraw = Math.Round(r.NaiveToDraw, 3),
            drawMemory = new
            {
                LiveBaselineMb = Math.Round(r.DrawMemory.LiveBaselineMb, 2),
                LivePeakMb = Math.Round(r.DrawMemory.LivePeakMb, 2),
                ManagedPeakMb = Math.Round(r.DrawMemory.ManagedPeakMb, 2),
                WorkingSetPeakMb = Math.Round(r.DrawMemory.WorkingSetPeakMb, 1),
                r.DrawMemory.WorkingSetPeakIsSinceStart,
                AllocatedMb = Math.Round(r.DrawMemory.AllocatedMb, 1),
                r.DrawMemory.Collections,
            },
        }),
        sameListOnEveryDatabase = report.SameListOnEveryDatabase,
        postgres = !report.Options.IncludePostgres ? "not asked for"
            : report.PostgresUnavailable is null ? "measured" : $"not available ({report.PostgresUnavailable})",
        goals = report.Goals.Select(g => new { g.Goal, g.Measured, Result = g.Met ? "PASS" : "MISS" }),
    };

    private static void Print(SamplingBenchReport report)
    {
        static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        var o = report.Options;
        AnsiConsole.MarkupLineInterpolated(
            $"[bold]Sampling benchmark[/]: a stratified draw of {o.SampleSize} (by agency, proportional, 15 reserves) of open cases of four agencies, leaving out cases audited in the last 12 months; medians of {o.Repeats} timed run(s) after a warm-up.");
        if (report.LoadBefore is { } before && report.LoadAfter is { } after)
        {
            AnsiConsole.MarkupLineInterpolated($"Machine: {report.Cores} cores, load average {F(before, "0.0")} before and {F(after, "0.0")} after: other work on the machine slows every query.");
        }

        var table = new Table()
            .AddColumn("database")
            .AddColumn(new TableColumn("cases").RightAligned())
            .AddColumn(new TableColumn("load s").RightAligned())
            .AddColumn(new TableColumn("eligible").RightAligned())
            .AddColumn(new TableColumn("excluded").RightAligned())
            .AddColumn(new TableColumn("drawn").RightAligned())
            .AddColumn(new TableColumn("floor s").RightAligned())
            .AddColumn(new TableColumn("ordered floor s").RightAligned())
            .AddColumn(new TableColumn("draw s").RightAligned())
            .AddColumn(new TableColumn("naive s").RightAligned())
            .AddColumn(new TableColumn("draw/floor").RightAligned())
            .AddColumn(new TableColumn("draw/ordered").RightAligned())
            .AddColumn(new TableColumn("naive/draw").RightAligned())
            .AddColumn(new TableColumn("draw live heap MB").RightAligned())
            .AddColumn(new TableColumn("heap with garbage MB").RightAligned())
            .AddColumn(new TableColumn("working set MB").RightAligned());
        foreach (var r in report.Runs)
        {
            table.AddRow(
                r.Database, $"{r.Cases:N0}", F(r.LoadSeconds, "0.0"), $"{r.Eligible:N0}", $"{r.Excluded:N0}", $"{r.Drawn} + {r.Reserves}",
                F(r.FloorSeconds, "0.000"), F(r.OrderedFloorSeconds, "0.000"), F(r.DrawSeconds, "0.000"), F(r.NaiveSeconds, "0.000"),
                F(r.DrawToFloor, "0.00") + "x", F(r.DrawToOrderedFloor, "0.00") + "x", F(r.NaiveToDraw, "0.00") + "x",
                F(r.DrawMemory.LivePeakMb, "0.0"), F(r.DrawMemory.ManagedPeakMb, "0.0"),
                F(r.DrawMemory.WorkingSetPeakMb, "0") + (r.DrawMemory.WorkingSetPeakIsSinceStart ? " (process)" : ""));
        }

        FittedTable.Write(AnsiConsole.Console, table);
        AnsiConsole.MarkupLine("floor: the eligible references read once, in no order; ordered floor: the same in reference order, which the draw needed while the population hash was over the sorted references (version 1) and which systematic and one-per-family draws still need. draw: the production SampleDrawer (one ranked stream in no order, strata counted on the way, the order-independent population hash, exclusion count). naive: ORDER BY RANDOM() LIMIT k, neither stratified nor repeatable. Loading is not part of any ratio.");
        AnsiConsole.MarkupLine("Memory of the draw, in the process: live heap = the largest managed heap left after a full collection every 10 ms; with garbage = the largest managed heap when the collector runs as it likes; working set = the process's peak resident memory during the draw.");
        if (report.SameListOnEveryDatabase is { } same)
        {
            AnsiConsole.MarkupLine(same ? "Every database drew the identical list and population hash from the same register and seed." : "[red]The databases drew different lists from the same register and seed.[/]");
        }

        if (report.PostgresUnavailable is { } reason)
        {
            AnsiConsole.MarkupLineInterpolated($"PostgreSQL: not available ({reason})");
        }

        foreach (var goal in report.Goals)
        {
            var mark = goal.Met ? "[green]PASS[/]" : "[red]MISS[/]";
            AnsiConsole.MarkupLine($"{mark} {Markup.Escape(goal.Goal)}: {Markup.Escape(goal.Measured)}");
        }
    }
}
