using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using DeepDive.Cli.Tables;
using DeepDive.Bench;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class BenchAssignmentSettings : CommandSettings
{
    [CommandOption("--tasks <N>")]
    [Description("Tasks to assign. Default: 500")]
    [DefaultValue(500)]
    public int Tasks { get; init; } = 500;

    [CommandOption("--auditors <N>")]
    [Description("Auditors in the pool. Default: 100")]
    [DefaultValue(100)]
    public int Auditors { get; init; } = 100;

    [CommandOption("--repeats <N>")]
    [Description("Warm runs after the first (cold) one; the median is reported. Default: 5")]
    [DefaultValue(5)]
    public int Repeats { get; init; } = 5;

    [CommandOption("--seed <N>")]
    [Description("Seed of the invented partnership and auditors. Default: 2027")]
    [DefaultValue(2027)]
    public int Seed { get; init; } = 2027;

    [CommandOption("--json")]
    [Description("Print the results as JSON instead of a table.")]
    public bool Json { get; init; }

    public override ValidationResult Validate() =>
        Tasks < 1 || Auditors < 1 || Repeats < 0
            ? ValidationResult.Error("--tasks and --auditors must be at least 1, --repeats at least 0.")
            : ValidationResult.Success();
}

/// <summary>How long auditor assignment takes on a realistic round: 500 tasks over 100 auditors by default; the goal is one second.</summary>
public sealed class BenchAssignmentCommand : Command<BenchAssignmentSettings>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public override int Execute(CommandContext context, BenchAssignmentSettings settings, CancellationToken cancellationToken)
    {
        var report = AssignmentBenchmark.Run(new AssignmentBenchmark.Options(settings.Tasks, settings.Auditors, settings.Repeats, settings.Seed));
        if (settings.Json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                options = report.Options,
                scenarios = report.Scenarios.Select(s => new
                {
                    s.Name, s.Tasks, s.Auditors, s.Assigned, s.Unassigned, s.BusiestLoad, s.DeclaredConflicts,
                    ColdMs = Math.Round(s.ColdMs, 2), MedianMs = Math.Round(s.MedianMs, 2), MaxMs = Math.Round(s.MaxMs, 2),
                }),
                goal = new { Goal = $"assignment within {report.GoalMs:0} ms", Measured = $"slowest run {report.Scenarios.Max(s => s.MaxMs):0.0} ms", Result = report.Met ? "PASS" : "MISS" },
            }, JsonOptions));
            return 0;
        }

        static string F(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
        AnsiConsole.MarkupLineInterpolated(
            $"[bold]Assignment benchmark[/]: {settings.Tasks} tasks over {settings.Auditors} auditors (skills, line managers, declared conflicts, work already taken this month); first call cold, then {settings.Repeats} warm.");
        var table = new Table().AddColumns("scenario", "assigned", "unassigned", "busiest load", "cold ms", "median ms", "max ms");
        foreach (var s in report.Scenarios)
        {
            table.AddRow(s.Name, $"{s.Assigned}", $"{s.Unassigned}", $"{s.BusiestLoad}", F(s.ColdMs), F(s.MedianMs), F(s.MaxMs));
        }

        FittedTable.Write(AnsiConsole.Console, table);
        var mark = report.Met ? "[green]PASS[/]" : "[red]MISS[/]";
        AnsiConsole.MarkupLine($"{mark} assignment within {report.GoalMs:0} ms: slowest run {F(report.Scenarios.Max(s => s.MaxMs))} ms");
        return 0;
    }
}
