using System.Globalization;
using DeepDive.Cli.Tables;
using DeepDive.Bench;
using Spectre.Console;

namespace DeepDive.Cli.Commands;

/// <summary>The deep-dive suite of <c>bench workflows</c>, as text and as JSON.</summary>
internal static class BenchDeepDiveOutput
{
    public static void Print(DeepDiveReport report)
    {
        static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        AnsiConsole.MarkupLineInterpolated(
            $"[bold]Deep-dive suite[/]: the real deep-dive workflow on the engine as deepdive run starts it, {report.DeepDives:N0} deep dives per store and round started by their rounds, each with {report.TasksPerDeepDive} tasks submitted through the task board by {report.Auditors} auditors at once once open, through to closed; {report.Rounds} round(s). A submission is handed to the engine's event consumer as it commits (the engine looks for other due work every {F(report.PollInterval.TotalMilliseconds, "0")} ms, --poll-ms); the engine's consumers sleep {F(report.IdleTime.TotalMilliseconds, "0")} ms when their slots are all busy.");
        AnsiConsole.MarkupLineInterpolated($"{report.InMemoryNote}");
        var table = new Table()
            .AddColumn("store")
            .AddColumn(new TableColumn("deep dives/s").RightAligned())
            .AddColumn(new TableColumn("ratio to SQLite").RightAligned())
            .AddColumn(new TableColumn("submitted to moved p50 ms").RightAligned())
            .AddColumn(new TableColumn("p99 ms").RightAligned())
            .AddColumn(new TableColumn("opening s + submitting s").RightAligned())
            .AddColumn(new TableColumn("closed").RightAligned());
        foreach (var s in report.Stores)
        {
            table.AddRow(
                Markup.Escape(s.Name), F(s.DeepDivesPerSecond, "N1"), F(s.RatioToSqlite, "0.00") + "x", F(s.P50Ms, "N0"), F(s.P99Ms, "N0"),
                $"{F(s.OpeningSeconds, "0.00")} + {F(s.SubmittingSeconds, "0.00")}", $"{s.Closed:N0}");
        }

        FittedTable.Write(AnsiConsole.Console, table);
        if (report.Rounds > 1)
        {
            AnsiConsole.MarkupLineInterpolated($"Order of each round: {string.Join("; ", report.RoundOrders.Select(order => string.Join(", ", order.Select(WorkflowBenchmark.Name))))}.");
            AnsiConsole.MarkupLine("Each round, deep dives/s (ratio to SQLite); the table shows the median round:");
            foreach (var s in report.Stores)
            {
                var rounds = s.RoundDeepDivesPerSecond.Select((rate, i) => $"{F(rate, "N1")} ({F(s.RoundRatiosToSqlite[i], "0.00")}x)");
                AnsiConsole.MarkupLineInterpolated($"  {s.Name}: {string.Join(", ", rounds)}");
            }
        }
    }

    public static object ForJson(DeepDiveReport report) => new
    {
        report.DeepDives,
        report.TasksPerDeepDive,
        report.Auditors,
        PollIntervalMs = report.PollInterval.TotalMilliseconds,
        IdleTimeMs = report.IdleTime.TotalMilliseconds,
        report.Rounds,
        RoundOrders = report.RoundOrders.Select(order => order.Select(WorkflowBenchmark.Name)),
        report.InMemoryNote,
        Stores = report.Stores.Select(s => new
        {
            s.Provider,
            s.Name,
            s.DeepDives,
            s.Closed,
            DeepDivesPerSecond = Math.Round(s.DeepDivesPerSecond, 2),
            RatioToSqlite = Math.Round(s.RatioToSqlite, 3),
            Rounds = s.RoundDeepDivesPerSecond.Select((rate, i) => new
            {
                DeepDivesPerSecond = Math.Round(rate, 2),
                RatioToSqlite = Math.Round(s.RoundRatiosToSqlite[i], 3),
            }),
            SubmittedToMovedP50Ms = Math.Round(s.P50Ms, 1),
            SubmittedToMovedP99Ms = Math.Round(s.P99Ms, 1),
            SubmittedToMovedMaxMs = Math.Round(s.MaxMs, 1),
            s.LatencySamples,
            Seconds = Math.Round(s.Seconds, 3),
            OpeningSeconds = Math.Round(s.OpeningSeconds, 3),
            SubmittingSeconds = Math.Round(s.SubmittingSeconds, 3),
        }),
    };
}
