using System.ComponentModel;
using System.Globalization;
using DeepDive.Domain.Grading;
using DeepDive.Simulation;
using DeepDive.Engine.Hosting;
using DeepDive.Engine.Storage;
using DeepDive.Web;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class DemoSettings : CommandSettings
{
    [CommandOption("--folder <FOLDER>")]
    [Description("Where to create the demo's SQLite database and outbox. Default: ./deepdive-demo")]
    public string Folder { get; init; } = "deepdive-demo";

    [CommandOption("--replace")]
    [Description("Replace a deepdive.db or outbox/ already in --folder that an earlier demo did not make.")]
    public bool Replace { get; init; }

    [CommandOption("--cases <N>")]
    [Description("How many cases the synthetic register holds. Default: 20000")]
    [DefaultValue(20000)]
    public int Cases { get; init; } = 20000;

    [CommandOption("--seed <N>")]
    [Description("Seed of the synthetic partnership and its auditors' answers. Default: 2027")]
    [DefaultValue(2027)]
    public int Seed { get; init; } = 2027;

    [CommandOption("--year <YEAR>")]
    [Description("The audit year to run. Default: 2027")]
    [DefaultValue(2027)]
    public int Year { get; init; } = 2027;

    [CommandOption("--serve")]
    [Description("After the year, add an account for each role (passwords printed once) and serve the demo database in the web app, with its engine, until Ctrl+C. The year then stops on 7 July unless --until says otherwise, so that rounds are open and the auditors have tasks to do.")]
    public bool Serve { get; init; }

    [CommandOption("--until <DATE>")]
    [Description("Stop the year at the start of this day (yyyy-MM-dd, in the year run). Default: the year's end; with --serve, 7 July")]
    public string? Until { get; init; }

    public override ValidationResult Validate()
    {
        if (Until is null)
        {
            return ValidationResult.Success();
        }

        if (!DateOnly.TryParseExact(Until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return ValidationResult.Error($"--until: '{Until}' is not a date written yyyy-MM-dd, like {Year}-07-07.");
        }

        return day.Year == Year && day > new DateOnly(Year, 1, 1)
            ? ValidationResult.Success()
            : ValidationResult.Error($"--until: {Until} is not a day of the year run after 1 January ({Year}; --year chooses another).");
    }

    /// <summary>The day the run stops at the start of, or null for the whole year.</summary>
    public DateOnly? StopDay() => Until is { } until
        ? DateOnly.ParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture)
        : Serve ? new DateOnly(Year, 7, 7) : null;

    [CommandOption("--urls <URLS>")]
    [Description("With --serve: where to listen (semicolon-separated). Default: http://127.0.0.1:5080")]
    [DefaultValue(WebAppOptions.DefaultUrls)]
    public string Urls { get; init; } = WebAppOptions.DefaultUrls;
}

/// <summary>A realistic audit year end to end, in virtual time, on a fresh SQLite database; with --serve, then the web app on it.</summary>
public sealed class DemoCommand(TimeProvider clock) : AsyncCommand<DemoSettings>
{
    private const string Partnership = "demo";

    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var output = OutputFolder.Prepare(settings.Folder, "demo", ["deepdive.db", "deepdive.db-wal", "deepdive.db-shm", "outbox"], settings.Replace);
        if (!output.Ready)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{output.Refusal}[/]");
            return 1;
        }

        var folder = output.Path;
        var stop = settings.StopDay();
        var file = Path.Combine(folder, "deepdive.db");

        AnsiConsole.MarkupLine(stop is { } until
            ? $"[bold]DeepDive demo[/]: a partnership's audit programme, 1 January to {until.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, in virtual time."
            : $"[bold]DeepDive demo[/]: a year of a partnership's audit programme, {settings.Year}, in virtual time.");
        AnsiConsole.MarkupLineInterpolated($"Database: [blue]{file}[/]");
        var database = Database.Open(file);
        var simulation = new YearSimulation(database, Partnership, settings.Seed);
        var options = new YearSimulation.Options(
            new DateTime(settings.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            stop is { } day ? day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : new DateTime(settings.Year, 12, 31, 23, 59, 0, DateTimeKind.Utc),
            settings.Cases,
            Notifications: new Engine.Notifications.NotificationSettings { Folder = Path.Combine(folder, "outbox") });
        YearSummary? summary = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var bar = ctx.AddTask("Setting up", maxValue: 1000);
                var progress = new SyncProgress<YearSimulation.Progress>(p =>
                {
                    bar.Description = $"Virtual time: {p.Activity}";
                    bar.Value = Math.Min(1000, p.Fraction * 1000);
                });
                summary = await simulation.RunAsync(options, progress, cancellationToken);
                bar.Value = 1000;
            });
        Print(summary!, settings.Cases, file, stop);
        if (!settings.Serve)
        {
            return 0;
        }

        var accounts = await new DemoAccounts(database, clock).AddAsync(Partnership, cancellationToken);
        PrintAccounts(accounts, settings.Year);
        await ServeCommand.ServeAsync(new WebAppOptions
        {
            Urls = settings.Urls,
            RunEngine = true,
            Settings = new Dictionary<string, string?>
            {
                [DeepDiveSettings.ConnectionKey] = file,
                [$"{DeepDiveSettings.NotificationsSection}:Folder"] = Path.Combine(folder, "outbox"),
            },
        }, cancellationToken);
        return 0;
    }

    /// <summary>The accounts' passwords, shown this once, in a table that fits an 80-column terminal.</summary>
    private static void PrintAccounts(IReadOnlyList<DemoAccounts.Account> accounts, int year)
    {
        var table = new Table().Title("[bold]Sign in to the demo[/] (passwords are shown only now)").AddColumns("Role", "Email", "Password");
        foreach (var account in accounts)
        {
            table.AddRow(Markup.Escape(account.Role), Markup.Escape(account.Email), Markup.Escape(account.Password));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"The demo data is in {year} (virtual time); the server runs on the real clock.");
    }

    /// <summary>The year's figures, each saying what it counts; short enough to fit an 80-column terminal unwrapped.</summary>
    private static void Print(YearSummary s, int cases, string file, DateOnly? stop)
    {
        static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
        static string Sent(YearSummary.OutboxCount c) =>
            $"{N(c.Sent)} sent, {N(c.Queued)} queued" + (c.Failed > 0 ? $", {N(c.Failed)} failed" : "");
        var table = new Table().Title("[bold]The year in numbers[/]").AddColumns("", "").HideHeaders();
        table.AddRow("Case register", $"{N(cases)} cases, {N(s.SchoolsInRegister)} schools");
        table.AddRow("Rounds run", $"{N(s.ScheduledRounds)} scheduled + {N(s.ReAuditRounds)} re-audit");
        table.AddRow(stop is { } day ? $"Rounds open on {day.ToString("d MMMM", CultureInfo.InvariantCulture)}" : "Rounds open at year end", N(s.RoundsStillOpen));
        table.AddRow("Rounds not opened", s.FailedFirings == 0 ? "0" : $"{N(s.FailedFirings)} (see 'round list')");
        table.AddRow("Samples reviewed by a manager", $"{N(s.Reviews.Reviewed)} ({N(s.Reviews.Changed)} changed)");
        table.AddRow("Cases sampled", N(s.CasesSampled));
        table.AddRow("Tasks completed", $"{N(s.TasksCompleted)} ({N(s.TasksLate)} late); {N(s.TasksOpen)} open at {(stop is null ? "year end" : "the end")}");
        foreach (var grade in Enum.GetValues<Grade>())
        {
            table.AddRow($"  graded {GradingScale.Label(grade)}", N(s.Grades.GetValueOrDefault(GradingScale.Name(grade))));
        }

        table.AddRow("Findings needing work", N(s.FindingsNeedingWork));
        // Every re-audit the planner skips is one whose date falls after the audit year its cycle keeps it in.
        table.AddRow("Re-audits", $"{N(s.ReAudits.Scheduled)} scheduled, {N(s.ReAudits.Skipped)} skipped"
            + (s.ReAudits.Skipped > 0 ? " (due after the audit year)" : ""));
        table.AddRow("Re-audit outcomes", string.Join(", ", new[] { "improved", "same", "worse" }.Select(k => $"{k} {N(s.ReAuditOutcomes.GetValueOrDefault(k))}")));
        table.AddRow("Reminders", Sent(s.Reminders));
        table.AddRow("Escalations", Sent(s.Escalations));
        table.AddRow("  sent as", ".eml files in the demo folder's outbox");
        table.AddRow("Learning briefs", N(s.LearningBriefs));
        table.AddRow("School feedback written", N(s.SchoolFeedbackWritten));
        table.AddRow("Run time", $"{s.Elapsed.TotalSeconds:0.0} s");
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine("Read the learning briefs and the schools' feedback:");
        foreach (var command in new[] { "brief list", "feedback list" })
        {
            AnsiConsole.MarkupLineInterpolated($"  [blue]deepdive {command} --db \"{file}\" --partnership {Partnership}[/]");
        }
    }

    /// <summary>Reports on the caller's thread, unlike Progress&lt;T&gt;, so the bar never lags behind the run.</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
