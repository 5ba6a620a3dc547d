using System.ComponentModel;
using DeepDive.Engine.Runtime;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class RunSettings : DatabaseSettings
{
    [CommandOption("--until-idle")]
    [Description("Stop once nothing is due, instead of running until Ctrl+C.")]
    public bool UntilIdle { get; init; }
}

/// <summary>Runs the engine: Quartz fires cycles and re-audits, WorkflowCore runs rounds and deep dives.</summary>
public sealed class RunCommand : AsyncCommand<RunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var database = settings.OpenDatabase();
        await using var runtime = DeepDiveRuntime.Create(database, TimeProvider.System);
        await runtime.StartAsync(cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"DeepDive is running on {database.Dialect.Kind}. {(settings.UntilIdle ? "It stops when nothing is due." : "Press Ctrl+C to stop.")}");
        if (settings.UntilIdle)
        {
            await runtime.WaitUntilIdleAsync(TimeSpan.FromMinutes(10), cancellationToken);
        }
        else
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await runtime.StopAsync();
        return 0;
    }
}
