using System.ComponentModel;
using System.Globalization;
using DeepDive.Cli.Tables;
using DeepDive.Engine.Workflows.Definitions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public class WorkflowsSettings : CommandSettings
{
    [CommandOption("--folder <DIR>")]
    [Description("Read the workflow definitions (*.json) from this folder instead of the ones built into DeepDive.")]
    public string? Folder { get; init; }

    /// <summary>The checked definitions, or null after printing why they cannot be loaded.</summary>
    internal IReadOnlyList<DefinitionOutline>? LoadOrReport()
    {
        if (Folder is not null && !Directory.Exists(Folder))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No such folder:[/] {Folder}");
            return null;
        }

        var sources = Folder is null ? DefinitionLoader.Embedded() : DefinitionLoader.FromFolder(Folder);
        if (sources.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No workflow definitions (*.json) in[/] {Folder}");
            return null;
        }

        try
        {
            return DefinitionOutline.Load(sources);
        }
        catch (DefinitionException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{e.Errors.Count} error(s) in the workflow definitions:[/]");
            foreach (var error in e.Errors)
            {
                AnsiConsole.WriteLine(error.ToString());
            }

            return null;
        }
    }
}

public sealed class WorkflowShowSettings : WorkflowsSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The workflow definition's id, e.g. audit-round.")]
    public string Id { get; init; } = "";

    [CommandOption("--version <N>")]
    [Description("The version to show. Default: the latest.")]
    public int? Version { get; init; }
}

/// <summary>Every loaded definition, each version on its own row.</summary>
public sealed class WorkflowsListCommand : Command<WorkflowsSettings>
{
    public override int Execute(CommandContext context, WorkflowsSettings settings, CancellationToken cancellationToken)
    {
        if (settings.LoadOrReport() is not { } outlines)
        {
            return 1;
        }

        var table = new Table().AddColumns("Id", "Version", "Description", "Steps", "File");
        foreach (var o in outlines)
        {
            table.AddRow(Markup.Escape(o.Id), o.Version.ToString(CultureInfo.InvariantCulture), Markup.Escape(o.Description ?? ""),
                o.StepCount.ToString(CultureInfo.InvariantCulture), Markup.Escape(o.File));
        }

        FittedTable.Write(AnsiConsole.Console, table);
        return 0;
    }
}

public sealed class WorkflowsValidateCommand : Command<WorkflowsSettings>
{
    public override int Execute(CommandContext context, WorkflowsSettings settings, CancellationToken cancellationToken)
    {
        if (settings.LoadOrReport() is not { } outlines)
        {
            return 1;
        }

        AnsiConsole.MarkupLineInterpolated($"[green]{outlines.Count} definition{(outlines.Count == 1 ? "" : "s")} valid[/]");
        return 0;
    }
}

/// <summary>One definition's steps as a numbered, indented outline.</summary>
public sealed class WorkflowsShowCommand : Command<WorkflowShowSettings>
{
    public override int Execute(CommandContext context, WorkflowShowSettings settings, CancellationToken cancellationToken)
    {
        if (settings.LoadOrReport() is not { } outlines)
        {
            return 1;
        }

        DefinitionOutline outline;
        try
        {
            outline = DefinitionOutline.Find(outlines, settings.Id, settings.Version);
        }
        catch (ArgumentException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Error:[/] {e.Message}");
            return 1;
        }

        AnsiConsole.WriteLine($"{outline.Id} version {outline.Version} ({outline.File})");
        if (outline.Description is { } description)
        {
            AnsiConsole.WriteLine(description);
        }

        AnsiConsole.WriteLine();
        foreach (var line in outline.Lines())
        {
            AnsiConsole.WriteLine(line);
        }

        return 0;
    }
}
