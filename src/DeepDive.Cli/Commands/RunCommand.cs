using System.ComponentModel;
using DeepDive.Engine.Hosting;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class RunSettings : DatabaseSettings
{
    [CommandOption("--until-idle")]
    [Description("Stop once nothing is due, instead of running until Ctrl+C.")]
    public bool UntilIdle { get; init; }

    [CommandOption("--clustered")]
    [Description("Share the database with other deepdive processes (PostgreSQL or SQL Server): Quartz runs clustered, workflows are locked in the database.")]
    public bool Clustered { get; init; }

    [CommandOption("--poll-ms <MS>")]
    [Description("How often to look in the store for due work, in milliseconds. Default: 2000")]
    [DefaultValue(2000)]
    public int PollMs { get; init; } = 2000;
}

/// <summary>Runs the engine: Quartz fires cycles and re-audits, WorkflowCore runs rounds and deep dives.</summary>
public sealed class RunCommand(Database database, RuntimeOptions options, EngineHost engine, EngineActivity activity) : AsyncCommand<RunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        // --clustered and --poll-ms reach the engine as the settings DeepDive:Engine:Clustered and :PollInterval.
        await engine.StartAsync(cancellationToken);
        var next = await activity.NextTriggerAsync(cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"DeepDive is running on {database.Dialect.Kind}{(options.Clustered ? ", clustered" : "")} as {Engine.Workflows.Persistence.ExecutionJournal.Node}; next firing {(next is { } n ? $"{n:yyyy-MM-dd HH:mm} UTC" : "none")}. {(settings.UntilIdle ? "It stops when nothing is due." : "Press Ctrl+C to stop.")}");
        if (settings.UntilIdle)
        {
            await activity.WaitUntilIdleAsync(TimeSpan.FromMinutes(10), cancellationToken);
        }
        else
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            // A service manager stops the engine with SIGTERM: stop as cleanly as with Ctrl+C (running jobs finish, the outbox is flushed).
            using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, signal =>
            {
                signal.Cancel = true;
                stop.Cancel();
            });
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        await engine.StopAsync(CancellationToken.None);
        return 0;
    }
}
