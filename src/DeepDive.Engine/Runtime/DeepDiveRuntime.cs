using Dapper;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quartz;
using WorkflowCore.Interface;

namespace DeepDive.Engine.Runtime;

/// <summary>The running engine: the workflow host and the scheduler on one database and one clock.</summary>
public sealed class DeepDiveRuntime : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly Database database;
    private readonly TimeProvider clock;
    private readonly RuntimeOptions options;
    private readonly IReadOnlyList<DefinitionLoader.Source> extraDefinitions;
    private IScheduler? scheduler;
    private bool started;

    private DeepDiveRuntime(ServiceProvider services, Database database, TimeProvider clock, RuntimeOptions options, IReadOnlyList<DefinitionLoader.Source> extraDefinitions)
    {
        this.options = options;
        this.extraDefinitions = extraDefinitions;
        this.services = services;
        this.database = database;
        this.clock = clock;
    }

    public IServiceProvider Services => services;

    /// <summary>
    /// Builds the engine. <paramref name="extraDefinitions"/> are loaded with the embedded workflow definitions at start
    /// (e.g. a newer version of one); every (id, version) is registered, so an instance carries on with the version it
    /// started on while new instances start on the latest.
    /// </summary>
    public static DeepDiveRuntime Create(Database database, TimeProvider clock, RuntimeOptions? options = null,
        IReadOnlyList<DefinitionLoader.Source>? extraDefinitions = null)
    {
        options ??= new RuntimeOptions();
        // WorkflowCore's lifecycle publisher keeps a pool thread for itself; on two cores the pool starts with two,
        // and every awaited database call would then wait for the pool to grow.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < 16)
        {
            ThreadPool.SetMinThreads(16, completionPorts);
        }

        var collection = RuntimeServices.Build(database, clock, options);
        return new DeepDiveRuntime(collection.BuildServiceProvider(), database, clock, options, extraDefinitions ?? []);
    }

    /// <summary>Upgrades the schema and loads the workflow definitions, without starting anything.</summary>
    public void Prepare()
    {
        Migrator.Upgrade(database);
        var registry = services.GetRequiredService<IWorkflowRegistry>();
        foreach (var definition in DefinitionLoader.Load([.. DefinitionLoader.Embedded(), .. extraDefinitions]))
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
        var created = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        await created.Shutdown(false, cancellationToken);
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Prepare();
        // The scheduler moves rounds off bank holidays, so it starts with the bank holidays file as it is now.
        await new BankHolidayStore(database).LoadFileAsync(null, cancellationToken);
        await services.GetRequiredService<IWorkflowHost>().StartAsync(cancellationToken);
        scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        await scheduler.Start(cancellationToken);
        services.GetRequiredService<Notifications.OutboxDispatcher>().Start();
        // Chase once at start: whatever fell due while the engine was down goes out now, and the next run is set.
        await services.GetRequiredService<Notifications.ChaseScheduler>().EnsureByAsync(clock.GetUtcNow(), cancellationToken);
        started = true;
        services.GetRequiredService<ILogger<DeepDiveRuntime>>().LogInformation("Engine started on {Database} as {Node}; next firing {NextFiring:u}",
            database.Dialect.Kind, Workflows.Persistence.ExecutionJournal.Node, await NextTriggerAsync(cancellationToken));
    }

    public async Task StopAsync()
    {
        if (!started)
        {
            return;
        }

        started = false;
        services.GetRequiredService<ILogger<DeepDiveRuntime>>().LogInformation("Engine stopping: waiting for running jobs and workflows");
        if (scheduler is not null)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true);
        }

        await services.GetRequiredService<IWorkflowHost>().StopAsync(CancellationToken.None);
        var dispatcher = services.GetRequiredService<Notifications.OutboxDispatcher>();
        await dispatcher.DisposeAsync();
        // What fell due in the last moments still goes out before the process ends; what fails stays for the next start.
        await dispatcher.DeliverDueAsync(CancellationToken.None);
    }

    /// <summary>
    /// Waits until nothing is due at the current (possibly virtual) time: no runnable workflow, no unprocessed
    /// event or scheduled command, no trigger due and no job running. Checked twice in a row, as work moves
    /// between the store and in-memory queues.
    /// </summary>
    public async Task WaitUntilIdleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Real time, not the engine's clock: this bounds how long the caller waits.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var quietChecks = 0;
        while (quietChecks < 2)
        {
            if (waited.Elapsed > timeout)
            {
                throw new TimeoutException($"The engine still had due work after {timeout.TotalSeconds:0} s: {await DescribeDueAsync(cancellationToken)}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(15), cancellationToken);
            quietChecks = await IsIdleAsync(cancellationToken) ? quietChecks + 1 : 0;
        }
    }

    private async Task<bool> IsIdleAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<JobTracker>().Running == 0
        && (await DueCountsAsync(cancellationToken)).Total == 0
        && !await TriggerDueAsync(cancellationToken);

    private sealed record Due(long Workflows, long Events, long Commands)
    {
        public long Total => Workflows + Events + Commands;
    }

    private async Task<Due> DueCountsAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT
              (SELECT COUNT(*) FROM wf_instance WHERE status = 0 AND next_execution IS NOT NULL AND next_execution <= @Now) AS Workflows,
              (SELECT COUNT(*) FROM wf_event WHERE is_processed = 0 AND event_time <= @Now) AS Events,
              (SELECT COUNT(*) FROM wf_scheduled_command WHERE execute_time <= @Now) AS Commands
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<Due>(new CommandDefinition(sql, new { Now = clock.GetUtcNow().UtcTicks }, cancellationToken: cancellationToken));
    }

    private async Task<bool> TriggerDueAsync(CancellationToken cancellationToken)
    {
        var next = await NextTriggerAsync(cancellationToken);
        if (next is { } n && n <= clock.GetUtcNow())
        {
            return true;
        }

        // A trigger Quartz has fired but whose job the listener has not seen start yet is still due work.
        if (scheduler is null)
        {
            return false;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM qrtz_fired_triggers WHERE sched_name = @Name", new { Name = options.InstanceName }, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>The earliest next firing of any waiting trigger, read from Quartz's own table (ticks, UTC).</summary>
    public async Task<DateTimeOffset?> NextTriggerAsync(CancellationToken cancellationToken)
    {
        if (scheduler is null)
        {
            return null;
        }

        const string sql = "SELECT MIN(next_fire_time) FROM qrtz_triggers WHERE sched_name = @Name AND trigger_state IN ('WAITING', 'ACQUIRED')";
        await using var connection = await database.OpenAsync(cancellationToken);
        var ticks = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, new { Name = options.InstanceName }, cancellationToken: cancellationToken));
        return ticks is { } t && t > 0 ? new DateTimeOffset(t, TimeSpan.Zero) : null;
    }

    /// <summary>The earliest instant at which the engine itself has work: a trigger, a sleeping workflow, a future event.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT MIN(t) FROM (
              SELECT MIN(next_execution) AS t FROM wf_instance WHERE status = 0 AND next_execution IS NOT NULL
              UNION ALL SELECT MIN(event_time) FROM wf_event WHERE is_processed = 0
              UNION ALL SELECT MIN(execute_time) FROM wf_scheduled_command
            ) due
            """;
        long? ticks;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            ticks = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        }

        DateTimeOffset? fromStore = ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;
        var trigger = await NextTriggerAsync(cancellationToken);
        return (fromStore, trigger) switch
        {
            (null, var x) => x,
            (var x, null) => x,
            var (a, b) => a < b ? a : b,
        };
    }

    private async Task<string> DescribeDueAsync(CancellationToken cancellationToken)
    {
        var due = await DueCountsAsync(cancellationToken);
        return $"{due.Workflows} workflows, {due.Events} events, {due.Commands} commands due; {services.GetRequiredService<JobTracker>().Running} jobs running";
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await services.DisposeAsync();
    }
}
