using System.ComponentModel;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Scheduling;
using DeepDive.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class CycleFileSettings : DatabaseSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("The cycle's JSON file.")]
    public string File { get; init; } = "";
}

/// <summary>Adds or updates a cycle and puts its schedule on Quartz's persistent calendar.</summary>
public sealed class CycleAddCommand : AsyncCommand<CycleFileSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CycleFileSettings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(settings.File))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No such file:[/] {settings.File}");
            return 2;
        }

        Domain.Cycles.CycleDefinition cycle;
        try
        {
            cycle = CycleFile.Parse(await System.IO.File.ReadAllTextAsync(settings.File, cancellationToken), settings.File);
        }
        catch (CycleFileException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{settings.File} is not a valid cycle[/]: nothing was stored.");
            foreach (var error in e.Errors)
            {
                AnsiConsole.MarkupLineInterpolated($"  {settings.File}: {error}");
            }

            return 1;
        }

        var database = settings.OpenDatabase();
        Migrator.Upgrade(database);
        await new PartnershipStore(database, TimeProvider.System).EnsureAsync(settings.Partnership, settings.Partnership, cancellationToken);
        await new CycleStore(database, TimeProvider.System).AddOrUpdateAsync(settings.Partnership, cycle, cancellationToken);
        await using var runtime = DeepDiveRuntime.Create(database, TimeProvider.System);
        await runtime.Services.GetRequiredService<CycleScheduler>().ScheduleAsync(settings.Partnership, cycle, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]Cycle '{cycle.Id}' saved[/]: {cycle.Name}; sample {cycle.SampleSize}; schedule {cycle.Schedule.ToCron()} ({cycle.Schedule.TimeZone}).");
        await new BankHolidayStore(database).LoadFileAsync(null, cancellationToken);
        var next = await new CycleNext(database, TimeProvider.System).ListAsync(settings.Partnership, cycle.Id, null, 3, cancellationToken);
        foreach (var round in next!.Rounds)
        {
            var local = TimeZoneInfo.ConvertTime(round.At, next.Zone);
            AnsiConsole.MarkupLineInterpolated($"  next round: {local:dddd d MMMM yyyy HH:mm} {cycle.Schedule.TimeZone}{(round.WasMoved ? $" (moved: {round.Reason})" : "")}");
        }

        return 0;
    }
}

public sealed class CycleListCommand : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var database = settings.OpenDatabase();
        Migrator.Upgrade(database);
        var cycles = await new CycleStore(database, TimeProvider.System).ListAsync(settings.Partnership, cancellationToken);
        var table = new Table().AddColumns("Cycle", "Name", "Theme", "Schedule", "Sample", "Re-audit after");
        foreach (var c in cycles)
        {
            table.AddRow(Markup.Escape(c.Id), Markup.Escape(c.Name), Markup.Escape(c.Theme), Markup.Escape(c.Schedule.ToCron()),
                c.SampleSize.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{c.ReAudit.IntervalMonths} months");
        }

        AnsiConsole.Write(table);
        return 0;
    }
}
