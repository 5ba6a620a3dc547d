using DeepDive.Engine.Calendars;
using DeepDive.Engine.Notifications;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Definitions;
using DeepDive.Engine.Workflows.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using WorkflowCore.Interface;

namespace DeepDive.Engine.Hosting;

/// <summary>
/// Starts and stops the engine in a host: upgrades the schema, registers the workflow definitions, loads the bank
/// holidays, then starts the workflow host, the scheduler and the outbox dispatcher; stopping waits for running jobs
/// and workflows and flushes the outbox.
/// </summary>
public sealed class EngineHost(
    Database database,
    TimeProvider clock,
    EngineDefinitions definitions,
    IWorkflowHost workflows,
    IWorkflowRegistry registry,
    ISchedulerFactory schedulers,
    OutboxDispatcher dispatcher,
    ChaseScheduler chasing,
    Actions.ActionScheduler actions,
    BankHolidayStore bankHolidays,
    ILogger<EngineHost> logger) : IHostedService
{
    private IScheduler? scheduler;
    private bool started;

    /// <summary>The scheduler once the engine has started, else null.</summary>
    public IScheduler? Scheduler => scheduler;

    /// <summary>Whether the engine has started and not stopped.</summary>
    public bool Running => started;

    /// <summary>Whether the scheduler is running now (false before start, after stop, or when it has failed).</summary>
    public async Task<bool> SchedulerRunningAsync(CancellationToken cancellationToken) =>
        scheduler is not null && await scheduler.GetStatus(cancellationToken) == SchedulerStatus.Running;

    /// <summary>Upgrades the schema and registers the workflow definitions, without starting anything.</summary>
    public void Prepare()
    {
        Migrator.Upgrade(database);
        foreach (var definition in DefinitionLoader.Load(definitions.All))
        {
            if (!registry.IsRegistered(definition.Id, definition.Version))
            {
                registry.RegisterWorkflow(definition);
            }
        }
    }

    /// <summary>Creates the Quartz scheduler and shuts it down again, which provisions Quartz's own tables for the pinned Quartz version.</summary>
    public async Task ProvisionSchedulerAsync(CancellationToken cancellationToken)
    {
        var created = await schedulers.GetScheduler(cancellationToken);
        await created.Shutdown(false, cancellationToken);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // WorkflowCore's lifecycle publisher keeps a pool thread for itself; on two cores the pool starts with two,
        // and every awaited database call would then wait for the pool to grow.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < 16)
        {
            ThreadPool.SetMinThreads(16, completionPorts);
        }

        Prepare();
        // The scheduler moves rounds off bank holidays, so it starts with the bank holidays file as it is now.
        await bankHolidays.LoadFileAsync(null, cancellationToken);
        await workflows.StartAsync(cancellationToken);
        scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.Start(cancellationToken);
        dispatcher.Start();
        // Chase once at start: whatever fell due while the engine was down goes out now, and the next run is set.
        await chasing.EnsureByAsync(clock.GetUtcNow(), cancellationToken);
        // Follow actions up once at start too: an action that fell overdue, or a month's requests due, while it was down.
        await actions.EnsureByAsync(clock.GetUtcNow(), cancellationToken);
        started = true;
        logger.LogInformation("Engine started on {Database} as {Node}", database.Dialect.Kind, ExecutionJournal.Node);
    }

    /// <summary>
    /// Stops the scheduler (letting running jobs finish), the workflow host and the outbox dispatcher. Waits no longer
    /// than <paramref name="cancellationToken"/> allows (a host's shutdown timeout): past it, what is still running is
    /// left to end with the process, as after a crash, which the firing keys and the step transactions make safe.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!started)
        {
            return;
        }

        started = false;
        logger.LogInformation("Engine stopping: waiting for running jobs and workflows");
        if (scheduler is not null)
        {
            await WithinAsync(scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None).AsTask(), "running jobs", cancellationToken);
        }

        await WithinAsync(workflows.StopAsync(CancellationToken.None), "running workflow steps", cancellationToken);
        await dispatcher.DisposeAsync();
        // What fell due in the last moments still goes out before the process ends; what fails stays for the next start.
        await dispatcher.DeliverDueAsync(CancellationToken.None);
    }

    private async Task WithinAsync(Task stopping, string what, CancellationToken cancellationToken)
    {
        try
        {
            await stopping.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Engine stopping: {What} did not finish within the shutdown time; stopping without them", what);
        }
    }
}
