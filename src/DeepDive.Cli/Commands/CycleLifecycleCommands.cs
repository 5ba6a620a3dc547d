using System.ComponentModel;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Hosting;
using DeepDive.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public class CycleIdSettings : DatabaseSettings
{
    [CommandArgument(0, "<CYCLE>")]
    [Description("The cycle's id.")]
    public string Cycle { get; init; } = "";
}

public sealed class CycleEditSettings : CycleIdSettings
{
    [CommandOption("--file <FILE>")]
    [Description("The cycle's new JSON file; its id must be the cycle's.")]
    public string File { get; init; } = "";

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(File) ? ValidationResult.Error("Give the new definition with --file <FILE>.") : ValidationResult.Success();
}

public sealed class CycleRapidSettings : DatabaseSettings
{
    [CommandArgument(0, "[CYCLE]")]
    [Description("A stored cycle to run a rapid round of. Or give --file.")]
    public string? Cycle { get; init; }

    [CommandOption("--file <FILE>")]
    [Description("A cycle file to run a rapid round from (its schedule is not used and nothing about the cycle is stored).")]
    public string? File { get; init; }

    [CommandOption("--working-days <N>")]
    [Description("Working days until the tasks are due. Default: 5 (about a week).")]
    [DefaultValue(RapidAudit.WorkingDays)]
    public int WorkingDays { get; init; } = RapidAudit.WorkingDays;

    public override ValidationResult Validate() =>
        (Cycle is null) == (File is null) ? ValidationResult.Error("Give either a cycle id or --file <FILE>, not both.")
        : WorkingDays is < 1 or > 60 ? ValidationResult.Error("--working-days must be 1 to 60.")
        : ValidationResult.Success();
}

/// <summary>The shared shape of the lifecycle commands: change a cycle and its trigger without starting the engine, report a refusal plainly.</summary>
public abstract class CycleCommand<TSettings>(Database database, CycleLifecycle lifecycle) : AsyncCommand<TSettings> where TSettings : CommandSettings
{
    protected async Task<int> RunAsync(Func<CycleLifecycle, Task> change)
    {
        Migrator.Upgrade(database);
        try
        {
            await change(lifecycle);
            return 0;
        }
        catch (CycleRefusedException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Refused:[/] {e.Message}");
            return 1;
        }
    }
}

public sealed class CyclePauseCommand(Database database, CycleLifecycle lifecycle) : CycleCommand<CycleIdSettings>(database, lifecycle)
{
    public override Task<int> ExecuteAsync(CommandContext context, CycleIdSettings settings, CancellationToken cancellationToken) =>
        RunAsync(async lifecycle =>
        {
            var changed = await lifecycle.PauseAsync(settings.Partnership, settings.Cycle, cancellationToken);
            if (changed)
            {
                AnsiConsole.MarkupLineInterpolated($"[green]Cycle '{settings.Cycle}' paused[/]: no rounds until 'deepdive cycle resume {settings.Cycle}'. Firings while paused are skipped, not made up.");
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated($"Cycle '{settings.Cycle}' was already paused.");
            }
        });
}

public sealed class CycleResumeCommand(Database database, CycleLifecycle lifecycle, CycleStore cycles) : CycleCommand<CycleIdSettings>(database, lifecycle)
{
    public override Task<int> ExecuteAsync(CommandContext context, CycleIdSettings settings, CancellationToken cancellationToken) =>
        RunAsync(async lifecycle =>
        {
            var resumed = await lifecycle.ResumeAsync(settings.Partnership, settings.Cycle, cancellationToken);
            var zone = (await cycles.GetAsync(settings.Partnership, settings.Cycle, cancellationToken))!.Schedule.TimeZone;
            AnsiConsole.MarkupLineInterpolated($"[green]Cycle '{settings.Cycle}' resumed.[/]");
            AnsiConsole.MarkupLineInterpolated($"  skipped while paused (not run): {(resumed.Skipped.Count == 0 ? "none" : "")}");
            foreach (var skipped in resumed.Skipped)
            {
                AnsiConsole.MarkupLineInterpolated($"    {CycleFileInput.Local(skipped, zone)}");
            }

            if (resumed.Next is { } next)
            {
                AnsiConsole.MarkupLineInterpolated($"  next round: {CycleFileInput.Local(next, zone)}");
            }
        });
}

public sealed class CycleRetireCommand(Database database, CycleLifecycle lifecycle) : CycleCommand<CycleIdSettings>(database, lifecycle)
{
    public override Task<int> ExecuteAsync(CommandContext context, CycleIdSettings settings, CancellationToken cancellationToken) =>
        RunAsync(async lifecycle =>
        {
            var changed = await lifecycle.RetireAsync(settings.Partnership, settings.Cycle, cancellationToken);
            if (changed)
            {
                AnsiConsole.MarkupLineInterpolated($"[green]Cycle '{settings.Cycle}' retired[/]: its trigger is removed; its rounds, re-audits and history are kept. It cannot be resumed.");
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated($"Cycle '{settings.Cycle}' was already retired; its trigger is removed.");
            }
        });
}

public sealed class CycleEditCommand(Database database, CycleLifecycle lifecycle) : CycleCommand<CycleEditSettings>(database, lifecycle)
{
    public override async Task<int> ExecuteAsync(CommandContext context, CycleEditSettings settings, CancellationToken cancellationToken)
    {
        var (read, exitCode) = await CycleFileInput.ReadAsync(settings.File, cancellationToken);
        if (read is not { } cycle)
        {
            return exitCode;
        }

        return await RunAsync(async lifecycle =>
        {
            await lifecycle.EditAsync(settings.Partnership, settings.Cycle, cycle, cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"[green]Cycle '{cycle.Id}' edited[/]: rounds from now on use the new definition; rounds already open keep their own copy.");
        });
    }
}

/// <summary>Runs a round now with a deadline of about a week, e.g. before a joint targeted area inspection.</summary>
public sealed class CycleRapidCommand(Database database, PartnershipStore partnerships, CycleStore cycles, EngineHost engine, BankHolidayStore bankHolidays, CalendarStore calendars, RoundStarter starter, TimeProvider clock) : AsyncCommand<CycleRapidSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CycleRapidSettings settings, CancellationToken cancellationToken)
    {
        CycleDefinition? cycle = null;
        if (settings.File is { } file)
        {
            var (read, exitCode) = await CycleFileInput.ReadAsync(file, cancellationToken);
            if (read is null)
            {
                return exitCode;
            }

            cycle = read;
        }

        Migrator.Upgrade(database);
        await partnerships.EnsureAsync(settings.Partnership, settings.Partnership, cancellationToken);
        var stored = await cycles.GetEntryAsync(settings.Partnership, cycle?.Id ?? settings.Cycle!, cancellationToken);
        if (cycle is null && stored is null)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Refused:[/] there is no cycle '{settings.Cycle}' in partnership '{settings.Partnership}'; give a cycle file with --file.");
            return 1;
        }

        if (stored is not null && CycleStatus.Refusal(stored.Definition.Id, stored.Status, CycleAction.RunRapid) is { } refusal)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]Refused:[/] {refusal}");
            return 1;
        }

        cycle ??= stored!.Definition;
        engine.Prepare();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(cycle.Schedule.TimeZone);
        await bankHolidays.LoadFileAsync(null, cancellationToken);
        var calendar = await calendars.ForCycleAsync(settings.Partnership, cycle, cancellationToken);
        var deadline = calendar.AddWorkingDays(clock.GetUtcNow(), settings.WorkingDays, zone).UtcDateTime;
        var started = await starter.StartRapidAsync(settings.Partnership, cycle, settings.WorkingDays, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]Rapid round {started.RoundId} of '{cycle.Id}' opened[/]: sample {cycle.SampleSize}; tasks due {CycleFileInput.Local(deadline, cycle.Schedule.TimeZone)} ({settings.WorkingDays} working days).");
        AnsiConsole.MarkupLine("  'deepdive run' draws the sample and opens the tasks.");
        return 0;
    }
}
