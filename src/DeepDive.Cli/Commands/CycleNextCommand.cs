using System.ComponentModel;
using System.Globalization;
using DeepDive.Cli.Tables;
using DeepDive.Domain.Calendars;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Scheduling;
using DeepDive.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class CycleNextSettings : DatabaseSettings
{
    [CommandArgument(0, "<CYCLE>")]
    [Description("The cycle's id.")]
    public string Cycle { get; init; } = "";

    [CommandOption("--count <N>")]
    [Description("How many rounds to list. Default: 10.")]
    [DefaultValue(10)]
    public int Count { get; init; } = 10;

    [CommandOption("--from <DATE>")]
    [Description("List the rounds after the start of this day (yyyy-MM-dd, in the cycle's time zone) instead of after now.")]
    public string? From { get; init; }

    public override ValidationResult Validate()
    {
        if (Count is < 1 or > 500)
        {
            return ValidationResult.Error($"--count {Count}: give a number from 1 to 500.");
        }

        return From is not null && !DateOnly.TryParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? ValidationResult.Error($"--from '{From}' is not a date in the form yyyy-MM-dd.")
            : ValidationResult.Success();
    }
}

/// <summary>Lists a cycle's coming rounds in local time, with the reason for each one moved off a non-working day.</summary>
public sealed class CycleNextCommand(Database database, BankHolidayStore bankHolidays, CycleNext next, Engine.Cycles.CycleStore cycles) : AsyncCommand<CycleNextSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CycleNextSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        await bankHolidays.LoadFileAsync(null, cancellationToken);
        DateTimeOffset? after = null;
        if (settings.From is { } from)
        {
            var cycle = await cycles.GetAsync(settings.Partnership, settings.Cycle, cancellationToken);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(cycle?.Schedule.TimeZone ?? "Europe/London");
            after = LocalTime.At(DateOnly.ParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture), TimeOnly.MinValue, zone).AddTicks(-1);
        }

        var result = await next.ListAsync(settings.Partnership, settings.Cycle, after, settings.Count, cancellationToken);
        if (result is null)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]There is no cycle '{settings.Cycle}'[/] in partnership '{settings.Partnership}'; deepdive cycle list shows the cycles.");
            return 1;
        }

        var schedule = result.Cycle.Schedule;
        var keeps = !schedule.WorkingDaysOnly ? "fires on any day"
            : result.Cycle.AvoidsSchoolHolidays() ? "moves off weekends, bank holidays and school holidays"
            : "moves off weekends and bank holidays";
        AnsiConsole.MarkupLineInterpolated($"Next {result.Rounds.Count} round(s) of '{result.Cycle.Id}': {schedule.ToCron()} in {schedule.TimeZone}; {keeps}.");
        var table = new Table().AddColumns("#", $"Opens ({schedule.TimeZone})", "Moved from", "Why");
        var i = 0;
        foreach (var round in result.Rounds)
        {
            var opens = TimeZoneInfo.ConvertTime(round.At, result.Zone);
            var original = TimeZoneInfo.ConvertTime(round.Original, result.Zone);
            table.AddRow(
                (++i).ToString(CultureInfo.InvariantCulture),
                opens.ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture),
                round.WasMoved ? original.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture) : "",
                Markup.Escape(round.Reason ?? ""));
        }

        FittedTable.Write(AnsiConsole.Console, table);
        foreach (var warning in result.Rounds.Select(result.BankHolidayWarning).OfType<string>())
        {
            AnsiConsole.MarkupLineInterpolated($"[yellow]Warning:[/] {warning} (see docs/calendars.md).");
        }

        return 0;
    }
}
