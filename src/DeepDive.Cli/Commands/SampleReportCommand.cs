using System.ComponentModel;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Storage;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class SampleReportSettings : DatabaseSettings
{
    [CommandArgument(0, "<ROUND>")]
    [Description("The round id.")]
    public string Round { get; init; } = "";

    [CommandOption("--format <FORMAT>")]
    [Description("md, html, csv or json. Default: md")]
    [DefaultValue("md")]
    public string Format { get; init; } = "md";
}

/// <summary>Prints how a round's sample was drawn: the population snapshot, exclusions, method and seed, and the lists.</summary>
public sealed class SampleReportCommand(Database database, SampleReport reports) : AsyncCommand<SampleReportSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SampleReportSettings settings, CancellationToken cancellationToken)
    {
        if (!SampleReport.Formats.Contains(settings.Format))
        {
            throw new ArgumentException($"Unknown report format '{settings.Format}': use {string.Join(", ", SampleReport.Formats)}.");
        }

        Migrator.Upgrade(database);
        var model = await reports.LoadAsync(settings.Partnership, settings.Round, cancellationToken);
        // Plain output, not markup: the report is meant to be redirected into a file.
        Console.Out.Write(SampleReport.Render(model, settings.Format));
        return 0;
    }
}
