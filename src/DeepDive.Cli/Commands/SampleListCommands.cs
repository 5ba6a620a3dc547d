using System.ComponentModel;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Hosting;
using DeepDive.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public class SampleRoundSettings : DatabaseSettings
{
    [CommandArgument(0, "<ROUND>")]
    [Description("The round id.")]
    public string Round { get; init; } = "";

    [CommandOption("--by <WHO>")]
    [Description("Who makes the change (recorded and shown in the sampling report).")]
    public string By { get; init; } = "";

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(By) ? ValidationResult.Error("Say who makes the change with --by <who>; it is recorded in the sampling report.") : ValidationResult.Success();
}

public sealed class SampleCaseSettings : SampleRoundSettings
{
    [CommandArgument(1, "<CASE>")]
    [Description("The case reference.")]
    public string Case { get; init; } = "";

    [CommandOption("--reason <TEXT>")]
    [Description("Why (recorded and shown in the sampling report).")]
    public string Reason { get; init; } = "";

    public override ValidationResult Validate()
    {
        var by = base.Validate();
        if (!by.Successful)
        {
            return by;
        }

        return string.IsNullOrWhiteSpace(Reason)
            ? ValidationResult.Error("Give the reason with --reason \"...\"; the sampling report shows why each case was replaced or added.")
            : ValidationResult.Success();
    }
}

/// <summary>A manager locks a reviewed draw; the round then assigns auditors to the locked list and starts its deep dives.</summary>
public sealed class SampleLockCommand(Database database, SampleList samples, EngineHost engine, EngineActivity activity) : AsyncCommand<SampleRoundSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SampleRoundSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        await samples.LockAsync(settings.Partnership, settings.Round, settings.By, cancellationToken);
        var cases = await samples.CasesAsync(settings.Round, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]Locked[/] round {settings.Round}'s list of {cases.Count} cases (by {settings.By}).");

        // Let the round take the locked list now, as task submit lets a deep dive go on.
        await engine.StartAsync(cancellationToken);
        await activity.WaitUntilIdleAsync(TimeSpan.FromMinutes(2), cancellationToken);
        await engine.StopAsync(cancellationToken);
        return 0;
    }
}

/// <summary>Replaces a case of a draw under review with the next unused reserve, recording who, why and when.</summary>
public sealed class SampleReplaceCommand(Database database, SampleList samples) : AsyncCommand<SampleCaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SampleCaseSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var done = await samples.ReplaceAsync(settings.Partnership, settings.Round, settings.Case, settings.By, settings.Reason, cancellationToken);
        AnsiConsole.MarkupLineInterpolated(
            $"[green]Replaced[/] {done.Replaced} with reserve {done.ReplacedBy} at position {done.Position} of round {done.RoundId}; {done.ReservesLeft} {(done.ReservesLeft == 1 ? "reserve" : "reserves")} left.");
        return 0;
    }
}

/// <summary>Adds a case to a draw under review by hand; it is labelled as hand-added in the list and the report.</summary>
public sealed class SampleAddCommand(Database database, SampleList samples) : AsyncCommand<SampleCaseSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SampleCaseSettings settings, CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        var done = await samples.AddAsync(settings.Partnership, settings.Round, settings.Case, settings.By, settings.Reason, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]Added[/] {done.CaseRef} by hand at position {done.Position} of round {done.RoundId} (labelled hand-added).");
        return 0;
    }
}
