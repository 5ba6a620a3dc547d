using System.ComponentModel;
using System.Text.Json;
using DeepDive.Cli.Tables;
using DeepDive.Engine.Assignment;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class RoundListSettings : DatabaseSettings;

/// <summary>Lists the partnership's rounds, newest first, with their tasks and how many have no auditor.</summary>
public sealed class RoundListCommand(Database database, FailedFiringsReader failedFirings) : AsyncCommand<RoundListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RoundListSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var rounds = await RoundSummary.ListAsync(database, settings.Partnership, null, withUnassigned: false, cancellationToken);
        var failed = await failedFirings.LoadAsync(settings.Partnership, cancellationToken);
        if (rounds.Count == 0)
        {
            AnsiConsole.MarkupLine("No rounds yet.");
            FailedFiringsView.Write(AnsiConsole.Console, failed.Firings, failed.ZoneOf);
            return 0;
        }

        // Borderless and with cases and tasks in one column, so that a list of rounds reads as a table at 80 columns.
        var table = new Table().NoBorder().AddColumns("Round", "Cycle", "Kind", "Status", "Started UTC", "Cases/tasks");
        foreach (var r in rounds)
        {
            var tasks = r.TasksUnassigned == 0 ? $"{r.Cases}/{r.Tasks}" : $"{r.Cases}/{r.Tasks} [yellow]({r.TasksUnassigned} no auditor)[/]";
            table.AddRow(Markup.Escape(r.RoundId), Markup.Escape(r.CycleId), r.Kind, r.Status, $"{r.StartedUtc:yyyy-MM-dd HH:mm}", tasks);
        }

        FittedTable.Write(AnsiConsole.Console, table);
        FailedFiringsView.Write(AnsiConsole.Console, failed.Firings, failed.ZoneOf);
        return 0;
    }
}

public sealed class RoundSettings : DatabaseSettings
{
    [CommandArgument(0, "<ROUND>")]
    [Description("The round id, as round list shows it.")]
    public string Round { get; init; } = "";
}

/// <summary>A round's summary: its state, its tasks, and each task without an auditor with the reason in one line.</summary>
public sealed class RoundShowCommand(Database database) : AsyncCommand<RoundSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RoundSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var r = await RoundSummary.GetAsync(database, settings.Partnership, settings.Round, cancellationToken);
        Console.Out.WriteLine($"Round {r.RoundId}: cycle {r.CycleId}, {r.Kind}, {r.Status}");
        Console.Out.WriteLine($"Started {r.StartedUtc:yyyy-MM-dd HH:mm} UTC{(r.ClosedUtc is { } closed ? $", closed {closed:yyyy-MM-dd HH:mm} UTC" : "")}");
        Console.Out.WriteLine($"Cases: {r.Cases}; tasks: {r.Tasks} ({r.TasksAssigned} with an auditor, {r.TasksSubmitted} submitted)");
        if (r.Unassigned.Count == 0)
        {
            Console.Out.WriteLine("Assignment: every task has an auditor.");
            return 0;
        }

        Console.Out.WriteLine($"Assignment: {r.Unassigned.Count} task(s) have no auditor:");
        foreach (var u in r.Unassigned)
        {
            Console.Out.WriteLine($"  {u.TaskId}: {u.Summary}");
        }

        Console.Out.WriteLine($"Every auditor and the rule that kept them off each task: deepdive round unassigned {r.RoundId}");
        return 0;
    }
}

public sealed class RoundUnassignedSettings : DatabaseSettings
{
    [CommandArgument(0, "<ROUND>")]
    [Description("The round id, as round list shows it.")]
    public string Round { get; init; } = "";

    [CommandOption("--json")]
    [Description("Print the stored explanations as JSON: every auditor with the rule (missing-skill, conflict, at-capacity, capacity-used-by-round) and reason.")]
    public bool Json { get; init; }
}

/// <summary>Why each of a round's unassigned tasks has no auditor: every auditor in the pool and the rule that excluded them.</summary>
public sealed class RoundUnassignedCommand(Database database, UnassignedTaskStore store) : AsyncCommand<RoundUnassignedSettings>
{
    private static readonly JsonSerializerOptions Indented = new(StoredExplanation.Json) { WriteIndented = true };

    public override async Task<int> ExecuteAsync(CommandContext context, RoundUnassignedSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var unassigned = await store.ListAsync(settings.Partnership, settings.Round, cancellationToken);
        // Plain output, not markup: it is meant to be read, redirected or piped.
        Console.Out.Write(settings.Json
            ? JsonSerializer.Serialize(new { round = settings.Round, unassigned }, Indented) + Environment.NewLine
            : UnassignedReport.Render(settings.Round, unassigned));
        return 0;
    }
}
