using System.ComponentModel;
using DeepDive.Cli.Tables;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Scheduling;
using DeepDive.Engine.Storage;
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
public sealed class CycleAddCommand(Database database, PartnershipStore partnerships, CycleLifecycle lifecycle, BankHolidayStore bankHolidays, CycleNext cycleNext) : AsyncCommand<CycleFileSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CycleFileSettings settings, CancellationToken cancellationToken)
    {
        var (read, exitCode) = await CycleFileInput.ReadAsync(settings.File, cancellationToken);
        if (read is not { } cycle)
        {
            return exitCode;
        }

        Migrator.Upgrade(database);
        await partnerships.EnsureAsync(settings.Partnership, settings.Partnership, cancellationToken);
        bool added;
        try
        {
            added = await lifecycle.AddOrUpdateAsync(settings.Partnership, cycle, cancellationToken);
        }
        catch (CycleRefusedException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Refused:[/] {e.Message}");
            return 1;
        }

        AnsiConsole.MarkupLineInterpolated($"[green]Cycle '{cycle.Id}' {(added ? "saved" : "updated")}[/]: {cycle.Name}; sample {cycle.SampleSize}; schedule {cycle.Schedule.ToCron()} ({cycle.Schedule.TimeZone}).");
        await bankHolidays.LoadFileAsync(null, cancellationToken);
        var next = await cycleNext.ListAsync(settings.Partnership, cycle.Id, null, 3, cancellationToken);
        foreach (var round in next!.Rounds)
        {
            var local = TimeZoneInfo.ConvertTime(round.At, next.Zone);
            AnsiConsole.MarkupLineInterpolated($"  next round: {local:dddd d MMMM yyyy HH:mm} {cycle.Schedule.TimeZone}{(round.WasMoved ? $" (moved: {round.Reason})" : "")}");
        }

        return 0;
    }
}

public sealed class CycleListCommand(Database database, CycleStore cycleStore) : AsyncCommand<DatabaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var cycles = await cycleStore.ListEntriesAsync(settings.Partnership, cancellationToken);
        var table = new Table().AddColumns("Cycle", "Status", "Name", "Theme", "Schedule", "Sample", "Re-audit after");
        foreach (var entry in cycles)
        {
            var c = entry.Definition;
            table.AddRow(Markup.Escape(c.Id), entry.Status, Markup.Escape(c.Name), Markup.Escape(c.Theme), Markup.Escape(c.Schedule.ToCron()),
                c.SampleSize.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{c.ReAudit.IntervalMonths} months");
        }

        FittedTable.Write(AnsiConsole.Console, table);
        return 0;
    }
}
