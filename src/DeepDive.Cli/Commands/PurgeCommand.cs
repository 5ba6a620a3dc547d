using System.ComponentModel;
using DeepDive.Cli.Tables;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Persistence;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class PurgeSettings : DatabaseSettings
{
    [CommandOption("--days-completed <DAYS>")]
    [Description("Keep complete and terminated workflows this many days after they finished.")]
    [DefaultValue(90)]
    public int DaysCompleted { get; init; } = 90;

    [CommandOption("--days-events <DAYS>")]
    [Description("Keep processed events this many days.")]
    [DefaultValue(30)]
    public int DaysEvents { get; init; } = 30;

    [CommandOption("--days-errors <DAYS>")]
    [Description("Keep step errors this many days.")]
    [DefaultValue(90)]
    public int DaysErrors { get; init; } = 90;

    [CommandOption("--batch <ROWS>")]
    [Description("Delete at most this many rows of a kind per transaction.")]
    [DefaultValue(500)]
    public int Batch { get; init; } = 500;
}

/// <summary>Deletes workflow state that is no longer needed, for every partnership in the database.</summary>
public sealed class PurgeCommand(Database database, WorkflowPurger purger) : AsyncCommand<PurgeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PurgeSettings settings, CancellationToken cancellationToken)
    {
        if (settings.DaysCompleted < 0 || settings.DaysEvents < 0 || settings.DaysErrors < 0 || settings.Batch < 1)
        {
            AnsiConsole.MarkupLine("[red]The --days-... options cannot be negative, and --batch must be at least 1.[/]");
            return 2;
        }

        Migrator.Upgrade(database);
        var options = new PurgeOptions(
            TimeSpan.FromDays(settings.DaysCompleted), TimeSpan.FromDays(settings.DaysEvents), TimeSpan.FromDays(settings.DaysErrors), settings.Batch);
        var result = await purger.PurgeAsync(options, cancellationToken);

        var table = new Table().AddColumns("Deleted", "Rows", "Older than (days)");
        table.AddRow("Workflows", $"{result.Workflows}", $"{settings.DaysCompleted}");
        table.AddRow("  pointers", $"{result.Pointers}", "");
        table.AddRow("  subscriptions", $"{result.Subscriptions}", "");
        table.AddRow("Processed events", $"{result.Events}", $"{settings.DaysEvents}");
        table.AddRow("Errors", $"{result.Errors}", $"{settings.DaysErrors}");
        FittedTable.Write(AnsiConsole.Console, table);
        AnsiConsole.MarkupLineInterpolated($"[green]Purged[/] ({database.Dialect.Kind}) in {result.Batches} batch(es) of at most {settings.Batch}.");
        return 0;
    }
}
