using System.ComponentModel;
using DeepDive.Domain.Actions;
using DeepDive.Engine.Reports;
using DeepDive.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class ReportCommitteeSettings : DatabaseSettings
{
    [CommandOption("--period <FROM..TO>")]
    [Description("The reporting period, both days included, e.g. 2027-04-01..2027-06-30. Required.")]
    public string Period { get; init; } = "";

    [CommandOption("--format <FORMAT>")]
    [Description("html (one file that prints on A4), csv (one row per action) or json. Default: html")]
    [DefaultValue("html")]
    public string Format { get; init; } = "html";

    [CommandOption("--published")]
    [Description("The public version: counts under 5 about children shown as \"fewer than 5\", no case references.")]
    public bool Published { get; init; }

    [CommandOption("--out <FILE>")]
    [Description("Write the report to this file instead of the terminal.")]
    public string? Out { get; init; }
}

/// <summary>The report to the scrutiny committee: the RAG-rated appendix of case reviews' actions and the audit programme in a period.</summary>
public sealed class ReportCommitteeCommand(Database database, CommitteeReportQuery query) : AsyncCommand<ReportCommitteeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReportCommitteeSettings settings, CancellationToken cancellationToken)
    {
        if (!CommitteeReportFormats.Names.Contains(settings.Format))
        {
            throw new ArgumentException($"Unknown report format '{settings.Format}': use {string.Join(", ", CommitteeReportFormats.Names)}.");
        }

        if (!ReportingPeriod.TryParse(settings.Period, out var period, out var problem))
        {
            throw new ArgumentException(settings.Period.Length == 0 ? "--period is required, e.g. --period 2027-04-01..2027-06-30." : $"--period: {problem}.");
        }

        Migrator.Upgrade(database);
        var report = await query.LoadAsync(settings.Partnership, period!, settings.Published, cancellationToken);
        var text = CommitteeReportFormats.Render(report, settings.Format);
        if (settings.Out is null)
        {
            // Plain output, not markup: the report is meant to be redirected into a file.
            Console.Out.Write(text);
            return 0;
        }

        var path = Path.GetFullPath(settings.Out);
        await File.WriteAllTextAsync(path, text, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"Wrote the committee report for {period!.Label}{(settings.Published ? " (published version)" : "")} to {path}");
        return 0;
    }
}
