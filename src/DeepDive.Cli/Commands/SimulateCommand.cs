using System.ComponentModel;
using System.Globalization;
using DeepDive.Cli.Tables;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Notifications;
using DeepDive.Simulation;
using DeepDive.Engine.Storage;
using Microsoft.Data.Sqlite;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class SimulateSettings : CommandSettings
{
    [CommandOption("--from <DATE>")]
    [Description("First day of the preview (yyyy-MM-dd). Default: 1 January next year.")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("Last day of the preview (yyyy-MM-dd). Default: a year after --from, less a day.")]
    public string? To { get; init; }

    [CommandOption("--programme <FILE>")]
    [Description("The programme: a JSON array of cycles, one cycle file, or a folder of cycle files. Default: the demo programme.")]
    public string? Programme { get; init; }

    [CommandOption("--cases <N>")]
    [Description("Cases in the synthetic register the preview runs on. Default: 20000")]
    [DefaultValue(20000)]
    public int Cases { get; init; } = 20000;

    [CommandOption("--seed <N>")]
    [Description("Seed of the synthetic register and the auditors' simulated answers. Default: 2027")]
    [DefaultValue(2027)]
    public int Seed { get; init; } = 2027;

    [CommandOption("--folder <FOLDER>")]
    [Description("Where the preview's chart and .eml files go. Default: ./deepdive-simulation")]
    public string Folder { get; init; } = "deepdive-simulation";

    [CommandOption("--replace")]
    [Description("Replace a workload.png or outbox/ already in --folder that an earlier simulate did not make.")]
    public bool Replace { get; init; }
}

/// <summary>
/// Previews an audit programme in virtual time, through the same triggers, calendars, workflows and stores as
/// production, on a scratch database: the rounds and when they fire, tasks due and late, reminders and escalations,
/// re-audits, and each auditor's workload per month.
/// </summary>
public sealed class SimulateCommand : AsyncCommand<SimulateSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SimulateSettings settings, CancellationToken cancellationToken)
    {
        if (!TryDates(settings, out var from, out var to, out var problem))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{problem}[/]");
            return 2;
        }

        if (settings.Cases is < 10 or > 2_000_000)
        {
            AnsiConsole.MarkupLine("[red]--cases must be between 10 and 2,000,000.[/]");
            return 2;
        }

        IReadOnlyList<CycleDefinition>? programme = null;
        if (settings.Programme is not null)
        {
            try
            {
                programme = ProgrammeFile.Read(settings.Programme);
            }
            catch (ProgrammeFile.ProgrammeFileException e)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]The programme cannot be previewed[/]: nothing was run.");
                AnsiConsole.WriteLine(e.Message);
                return 2;
            }
        }

        var output = OutputFolder.Prepare(settings.Folder, "simulate", ["workload.png", "outbox"], settings.Replace);
        if (!output.Ready)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{output.Refusal}[/]");
            return 1;
        }

        // The scratch database lives in a folder of its own, made for this run and removed when it ends.
        var scratch = Directory.CreateDirectory(Path.Combine(output.Path, $".deepdive-simulate-{Guid.NewGuid():N}")).FullName;
        try
        {
            return await PreviewAsync(settings, programme, from, to, output.Path, Path.Combine(scratch, "simulation.db"), cancellationToken);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<int> PreviewAsync(SimulateSettings settings, IReadOnlyList<CycleDefinition>? programme, DateOnly from, DateOnly to,
        string folder, string file, CancellationToken cancellationToken)
    {
        var outbox = Path.Combine(folder, "outbox");
        var cycles = programme ?? DemoProgramme.Cycles();
        AnsiConsole.MarkupLineInterpolated($"[bold]Programme preview[/] {from:d MMM yyyy} to {to:d MMM yyyy}: {cycles.Count} cycle(s) ({string.Join(", ", cycles.Select(c => c.Id))}) over a synthetic register of {settings.Cases:N0} cases.");
        var database = Database.Open(file);
        // The days are UK days: from midnight on the first to 23:59 on the last, in Europe/London.
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), london);
        var toUtc = TimeZoneInfo.ConvertTimeToUtc(to.ToDateTime(new TimeOnly(23, 59)), london);
        var options = new YearSimulation.Options(fromUtc, toUtc, settings.Cases, Programme: programme,
            Notifications: new NotificationSettings { Folder = outbox });
        YearSummary summary = null!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var bar = ctx.AddTask("Setting up", maxValue: 1000);
                summary = await new YearSimulation(database, "preview", settings.Seed).RunAsync(options, new SyncProgress<YearSimulation.Progress>(p =>
                {
                    bar.Description = $"Virtual time: {p.Activity}";
                    bar.Value = Math.Min(1000, p.Fraction * 1000);
                }), cancellationToken);
                bar.Value = 1000;
            });

        var preview = await ProgrammePreviewQuery.RunAsync(database, "preview", fromUtc, toUtc, cancellationToken);
        PreviewTables.Write(AnsiConsole.Console, preview);
        var chart = Path.Combine(folder, "workload.png");
        WorkloadChart.SavePng(preview, chart, "Auditor workload");
        AnsiConsole.MarkupLineInterpolated($"Workload chart: [blue]{chart}[/]");
        AnsiConsole.MarkupLineInterpolated($"Reminders and escalations as .eml files: [blue]{outbox}[/]");
        AnsiConsole.MarkupLineInterpolated($"Ran in {summary.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }

    private static bool TryDates(SimulateSettings settings, out DateOnly from, out DateOnly to, out string problem)
    {
        problem = "";
        to = default;
        from = new DateOnly(TimeProvider.System.GetUtcNow().Year + 1, 1, 1);
        if (settings.From is not null && !DateOnly.TryParseExact(settings.From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out from))
        {
            problem = $"--from '{settings.From}' is not a date written yyyy-MM-dd.";
            return false;
        }

        to = from.AddYears(1).AddDays(-1);
        if (settings.To is not null && !DateOnly.TryParseExact(settings.To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out to))
        {
            problem = $"--to '{settings.To}' is not a date written yyyy-MM-dd.";
            return false;
        }

        if (to < from)
        {
            problem = $"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}.";
            return false;
        }

        if (to > from.AddYears(3))
        {
            problem = "A preview covers at most three years.";
            return false;
        }

        return true;
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
