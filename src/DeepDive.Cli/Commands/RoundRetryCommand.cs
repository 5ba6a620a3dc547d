using System.ComponentModel;
using DeepDive.Engine.FiringFailures;
using DeepDive.Engine.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class RoundRetrySettings : DatabaseSettings
{
    [CommandArgument(0, "<CYCLE>")]
    [Description("The cycle whose firing failed.")]
    public string Cycle { get; init; } = "";

    [CommandArgument(1, "<FIRING>")]
    [Description("When the firing was due, in the cycle's time zone, as 'round list' and 'cycle report' show it (e.g. 2027-03-01T09:00).")]
    public string Firing { get; init; } = "";

    [CommandOption("--by <NAME>")]
    [Description("Who retries it, for the record. Default: your user name.")]
    public string? By { get; init; }
}

/// <summary>Opens the round of a failed firing once its cause is fixed; the firing's key makes it one round, however often it is run.</summary>
public sealed class RoundRetryCommand(EngineHost engine, FiringRetry retry) : AsyncCommand<RoundRetrySettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RoundRetrySettings settings, CancellationToken cancellationToken)
    {
        engine.Prepare();
        var outcome = await retry.RetryAsync(settings.Partnership, settings.Cycle, settings.Firing, settings.By ?? Environment.UserName, cancellationToken);
        switch (outcome)
        {
            case FiringRetry.Opened { ByThisRetry: true } opened:
                AnsiConsole.MarkupLineInterpolated($"[green]Round {opened.RoundId} of '{settings.Cycle}' opened[/] for the firing due {opened.Firing.ScheduledForUtc:yyyy-MM-dd HH:mm} UTC.");
                AnsiConsole.MarkupLine("  'deepdive run' (if it is not running already) takes it on: sample, auditors, deep dives.");
                return 0;
            case FiringRetry.Opened opened:
                AnsiConsole.MarkupLineInterpolated($"This firing's round is already open: {opened.RoundId}. Nothing was changed.");
                return 0;
            case FiringRetry.FailedAgain again:
                AnsiConsole.MarkupLineInterpolated($"[red]Not opened:[/] {again.Reason}");
                AnsiConsole.MarkupLineInterpolated($"  The failed firing now records {again.Firing.Attempts} attempt(s); nothing was stored for the round.");
                return 1;
            case FiringRetry.Refused refused:
                AnsiConsole.MarkupLineInterpolated($"[red]Refused:[/] {refused.Reason}");
                return 1;
            default:
                throw new InvalidOperationException($"Unexpected outcome {outcome}.");
        }
    }
}
