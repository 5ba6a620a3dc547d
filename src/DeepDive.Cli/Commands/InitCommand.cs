using DeepDive.Engine.Calendars;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Hosting;
using DeepDive.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class InitCommand(Database database, PartnershipStore partnerships, BankHolidayStore bankHolidays, EngineHost engine) : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var result = Migrator.Upgrade(database);
        await partnerships.EnsureAsync(settings.Partnership, settings.Partnership, cancellationToken);
        var holidays = await bankHolidays.LoadFileAsync(null, cancellationToken);
        // Creating the scheduler provisions Quartz's own tables for the pinned Quartz version.
        await engine.ProvisionSchedulerAsync(cancellationToken);

        AnsiConsole.MarkupLineInterpolated($"[green]Database ready[/] ({database.Dialect.Kind}): {result.Applied.Count} migration(s) applied, partnership '{settings.Partnership}'.");
        foreach (var script in result.Applied)
        {
            AnsiConsole.MarkupLineInterpolated($"  applied {script}");
        }

        AnsiConsole.MarkupLineInterpolated(
            $"Bank holidays: {holidays.Count} days, {holidays.FirstYear}-{holidays.LastYear}, {(holidays.Changed ? "loaded" : "unchanged")} from {holidays.File}.");

        return 0;
    }
}
