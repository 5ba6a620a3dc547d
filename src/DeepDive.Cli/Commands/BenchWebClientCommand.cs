using System.ComponentModel;
using DeepDive.Bench.Web;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class BenchWebClientSettings : CommandSettings
{
    [CommandOption("--plan <FILE>")]
    [Description("The plan the bench wrote: where the app is, the clients' accounts and tasks, the mix and the time.")]
    public string Plan { get; init; } = "";

    [CommandOption("--out <FILE>")]
    [Description("Where to write what the clients measured.")]
    public string Out { get; init; } = "";

    public override ValidationResult Validate() =>
        Plan.Length == 0 || Out.Length == 0 ? ValidationResult.Error("--plan and --out are both needed.") : ValidationResult.Success();
}

/// <summary>The web bench's clients, in a process of their own (run by <c>bench web</c>, hidden from help).</summary>
public sealed class BenchWebClientCommand : AsyncCommand<BenchWebClientSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, BenchWebClientSettings settings, CancellationToken cancellationToken)
    {
        var result = await WebBenchClient.RunAsync(await WebBenchPlan.LoadAsync(settings.Plan, cancellationToken), cancellationToken);
        await WebBenchFiles.WriteAsync(settings.Out, result, cancellationToken);
        return 0;
    }
}
