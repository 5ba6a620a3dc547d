using System.ComponentModel;
using DeepDive.Cli.Tables;
using DeepDive.Engine.Hosting;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tasks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class TaskListSettings : DatabaseSettings
{
    [CommandOption("--auditor <ID>")]
    [Description("Only this auditor's tasks.")]
    public string? Auditor { get; init; }

    [CommandOption("--all")]
    [Description("Include submitted tasks.")]
    public bool All { get; init; }
}

public sealed class TaskListCommand(Database database, TaskBoard board) : AsyncCommand<TaskListSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TaskListSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var tasks = await board.ListAsync(settings.Partnership, settings.Auditor, !settings.All, cancellationToken);
        if (tasks.Count == 0)
        {
            AnsiConsole.MarkupLine(settings.Auditor is null ? "No open tasks." : $"No open tasks for {Markup.Escape(settings.Auditor)}.");
            return 0;
        }

        var table = new Table().AddColumns("Task", "Case", "Agency", "Auditor", "Status", "Due (UTC)", "Grade");
        foreach (var t in tasks)
        {
            table.AddRow(Markup.Escape(t.TaskId), Markup.Escape(t.CaseRef), Markup.Escape(t.Agency), Markup.Escape(t.AuditorId ?? "unassigned"),
                t.Late == 1 ? $"{t.Status} (late)" : t.Status, $"{t.DueUtc:yyyy-MM-dd HH:mm}", Markup.Escape(t.Grade ?? ""));
        }

        FittedTable.Write(AnsiConsole.Console, table);
        var unassigned = tasks.Where(t => t.AuditorId is null).ToList();
        if (unassigned.Count > 0)
        {
            AnsiConsole.MarkupLineInterpolated($"{unassigned.Count} task(s) have no auditor:");
            foreach (var t in unassigned)
            {
                AnsiConsole.MarkupLineInterpolated($"  {t.TaskId}: {t.UnassignedReason ?? "no reason recorded"}");
            }

            AnsiConsole.MarkupLine("Every auditor and the rule that kept them off: [bold]deepdive round unassigned <round>[/] (the round is the start of the task id).");
        }

        return 0;
    }
}

public sealed class TaskSubmitSettings : DatabaseSettings
{
    [CommandArgument(0, "<TASK>")]
    [Description("The task id, as task list shows it.")]
    public string Task { get; init; } = "";

    [CommandOption("--file <ANSWERS>")]
    [Description("The completed audit tool: a JSON file with grade, sections, goodPractice, areasForDevelopment, recommendations.")]
    public string File { get; init; } = "";

    [CommandOption("--as <AUDITOR>")]
    [Description("Who submits. Default: the task's assigned auditor.")]
    public string? As { get; init; }
}

/// <summary>Submits the audit tool for a task, then lets the deep dive run on until it waits again.</summary>
public sealed class TaskSubmitCommand(Database database, TaskBoard board, EngineHost engine, EngineActivity activity) : AsyncCommand<TaskSubmitSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TaskSubmitSettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.File) || !System.IO.File.Exists(settings.File))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Give the answers file with --file; no such file:[/] '{settings.File}'");
            return 2;
        }

        Migrator.Upgrade(database);
        var submission = AnswersFile.Parse(await System.IO.File.ReadAllTextAsync(settings.File, cancellationToken), settings.File);
        var task = (await board.ListAsync(settings.Partnership, null, openOnly: false, cancellationToken)).FirstOrDefault(t => t.TaskId == settings.Task);
        await board.SubmitAsync(settings.Partnership, settings.Task, settings.As ?? task?.AuditorId ?? "business-team", submission, cancellationToken);
        await engine.StartAsync(cancellationToken);
        await activity.WaitUntilIdleAsync(TimeSpan.FromMinutes(2), cancellationToken);
        await engine.StopAsync(cancellationToken);
        var after = (await board.ListAsync(settings.Partnership, null, openOnly: false, cancellationToken)).First(t => t.TaskId == settings.Task);
        AnsiConsole.MarkupLineInterpolated($"[green]Submitted[/] {settings.Task}: grade {after.Grade ?? submission.Grade}, status {after.Status}{(after.Late == 1 ? " (late)" : "")}.");
        return 0;
    }
}
