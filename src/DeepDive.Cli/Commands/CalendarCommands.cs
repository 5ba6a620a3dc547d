using System.ComponentModel;
using System.Globalization;
using DeepDive.Cli.Tables;
using DeepDive.Domain.Calendars;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Import;
using DeepDive.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

/// <summary>Imports a partnership's school term dates; the days between terms become its school holidays.</summary>
public sealed class CalendarImportTermsCommand(Database database, SchoolTermImporter importer, SchoolTermStore terms) : AsyncCommand<ImportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ImportSettings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.File))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No such file:[/] {settings.File}");
            return 2;
        }

        Migrator.Upgrade(database);
        ImportResult result;
        using (var reader = new StreamReader(settings.File))
        {
            result = await importer.ImportAsync(settings.Partnership, reader, cancellationToken);
        }

        if (!result.Succeeded)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{settings.File} was not imported[/]: {result.Errors.Count} error(s); nothing was written.");
            foreach (var error in result.Errors)
            {
                AnsiConsole.MarkupLineInterpolated($"  {settings.File}: {error}");
            }

            return 1;
        }

        var imported = await terms.ListAsync(settings.Partnership, cancellationToken);
        AnsiConsole.MarkupLineInterpolated(
            $"[green]Imported {result.Inserted} school terms[/] from {settings.File} for partnership '{settings.Partnership}'; {result.Updated} stored term(s) in the same dates replaced.");
        AnsiConsole.MarkupLineInterpolated(
            $"The partnership now has {imported.Count} terms and {SchoolHoliday.Between(imported).Count} school holidays between them; deepdive calendar show lists them.");
        return 0;
    }
}

public sealed class CalendarShowSettings : DatabaseSettings
{
    [CommandOption("--year <YEAR>")]
    [Description("The calendar year to show. Default: this year.")]
    public int? Year { get; init; }

    public override ValidationResult Validate() => Year is null or (>= 2000 and <= 2100)
        ? ValidationResult.Success()
        : ValidationResult.Error($"--year {Year}: give a year from 2000 to 2100.");
}

/// <summary>Shows the days of a year that are not working days: bank holidays and the partnership's school holidays.</summary>
public sealed class CalendarShowCommand(Database database, BankHolidayStore bankHolidays, CalendarStore calendars, TimeProvider clock) : AsyncCommand<CalendarShowSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, CalendarShowSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var loaded = await bankHolidays.LoadFileAsync(null, cancellationToken);
        var year = settings.Year ?? clock.GetLocalNow().Year;
        var calendar = await calendars.ForPartnershipAsync(settings.Partnership, schoolHolidays: true, cancellationToken);

        AnsiConsole.MarkupLineInterpolated($"Working calendar {year}, partnership '{settings.Partnership}'");
        var bank = calendar.BankHolidays.Where(h => h.Date.Year == year).OrderBy(h => h.Date).ToList();
        if (bank.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[yellow]No bank holidays are known for {year}[/]: the file {loaded.File} has {loaded.FirstYear}-{loaded.LastYear}. Add {year}'s (see docs/calendars.md).");
        }
        else
        {
            var table = new Table().Title("Bank holidays (England and Wales)").AddColumns("Date", "Day", "Holiday");
            foreach (var holiday in bank)
            {
                table.AddRow(Day(holiday.Date), holiday.Date.DayOfWeek.ToString(), Markup.Escape(holiday.Reason));
            }

            FittedTable.Write(AnsiConsole.Console, table);
        }

        var school = calendar.SchoolHolidays.Where(h => h.Starts.Year == year || h.Ends.Year == year).ToList();
        if (school.Count == 0)
        {
            AnsiConsole.MarkupLineInterpolated($"No school holidays in {year}: import the partnership's term dates with deepdive calendar import-terms <file.csv>.");
        }
        else
        {
            var table = new Table().Title("School holidays (between the imported terms)").AddColumns("From", "To", "Holiday", "Weekdays");
            foreach (var holiday in school)
            {
                var weekdays = Enumerable.Range(0, holiday.Ends.DayNumber - holiday.Starts.DayNumber + 1)
                    .Count(d => holiday.Starts.AddDays(d).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
                table.AddRow(Day(holiday.Starts), Day(holiday.Ends), Markup.Escape(holiday.Reason), weekdays.ToString(CultureInfo.InvariantCulture));
            }

            FittedTable.Write(AnsiConsole.Console, table);
        }

        AnsiConsole.MarkupLine("Saturdays and Sundays are never working days. School holidays count only for cycles that avoid them (education audits, unless their schedule says otherwise).");
        return 0;
    }

    private static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
}
