using System.ComponentModel;
using DeepDive.Engine.Import;
using DeepDive.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class ImportSettings : DatabaseSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The CSV file to import.")]
    public string File { get; init; } = "";
}

/// <summary>Imports a CSV whole or not at all, listing every error with its line and column.</summary>
public abstract class ImportCommand(Database database) : AsyncCommand<ImportSettings>
{
    protected abstract string What { get; }

    protected abstract Task<ImportResult> ImportAsync(string partnership, TextReader csv, CancellationToken cancellationToken);

    public override async Task<int> ExecuteAsync(CommandContext context, ImportSettings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(settings.File))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No such file:[/] {settings.File}");
            return 2;
        }

        Migrator.Upgrade(database);
        using var reader = new StreamReader(settings.File);
        var result = await ImportAsync(settings.Partnership, reader, cancellationToken);
        if (!result.Succeeded)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{settings.File} was not imported[/]: {result.Errors.Count} error(s); nothing was written.");
            foreach (var error in result.Errors)
            {
                AnsiConsole.MarkupLineInterpolated($"  {settings.File}: {error}");
            }

            return 1;
        }

        AnsiConsole.MarkupLineInterpolated($"[green]Imported {What}[/] from {settings.File}: {result.Inserted} new, {result.Updated} updated.");
        return 0;
    }
}

public sealed class ImportCasesCommand(Database database, CaseImporter importer) : ImportCommand(database)
{
    protected override string What => "cases";

    protected override Task<ImportResult> ImportAsync(string partnership, TextReader csv, CancellationToken cancellationToken) =>
        importer.ImportAsync(partnership, csv, cancellationToken);
}

public sealed class ImportAuditorsCommand(Database database, AuditorImporter importer) : ImportCommand(database)
{
    protected override string What => "auditors";

    protected override Task<ImportResult> ImportAsync(string partnership, TextReader csv, CancellationToken cancellationToken) =>
        importer.ImportAsync(partnership, csv, cancellationToken);
}
