using DeepDive.Engine.Tests.Support;
using DeepDive.Engine.Workflows.Execution;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

/// <summary>A running WorkflowCore host with the scenario workflows, on the persistence a scenario class chose.</summary>
public sealed class ScenarioHost : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private readonly ServiceProvider services;

    private ScenarioHost(ServiceProvider services, IWorkflowHost host)
    {
        this.services = services;
        Host = host;
    }

    public IWorkflowHost Host { get; }

    /// <summary>Reads the store the way the engine does; a fresh provider each time, as WorkflowCore registers it transient.</summary>
    public IPersistenceProvider Store => services.GetRequiredService<IPersistenceProvider>();

    /// <param name="usePersistence">Chooses the persistence; doing nothing keeps WorkflowCore's default in-memory one.</param>
    public static async Task<ScenarioHost> StartAsync(Action<WorkflowOptions> usePersistence)
    {
        // WorkflowCore's single-node queue blocks a pool thread per consumer while it waits for work; on two cores
        // that starves the pool, and every await of a real database then waits for the pool to grow (about a second).
        ThreadPool.GetMinThreads(out var workers, out var ports);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), ports);
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddWorkflow(o =>
        {
            usePersistence(o);
            o.UsePollInterval(PollInterval);
            // As the engine runs it.
            EngineSettings.Apply(o);
        });
        // As the engine runs it: the steps that can run at once run in one turn.
        collection.AddChainedSteps();
        var services = collection.BuildServiceProvider();
        var host = services.GetRequiredService<IWorkflowHost>();
        ScenarioWorkflows.RegisterAll(host);
        await host.StartAsync(CancellationToken.None);
        return new ScenarioHost(services, host);
    }

    public Task<string> StartWorkflowAsync(string definitionId, ScenarioData data) => Host.StartWorkflow(definitionId, data);

    /// <summary>Waits until the instance has left Runnable (complete, terminated or suspended) and returns it.</summary>
    public async Task<WorkflowInstance> UntilFinishedAsync(string id)
    {
        var seen = await Poller.UntilAsync(async () => new Seen(await Store.GetWorkflowInstance(id)), s => s.Instance.Status != WorkflowStatus.Runnable,
            $"workflow {id} to finish");
        return seen.Instance;
    }

    /// <summary>An instance as the poller reports it when it gives up: status, log and the steps still open.</summary>
    private sealed record Seen(WorkflowInstance Instance)
    {
        public override string ToString() =>
            $"{Instance.Status}, log [{string.Join(", ", (Instance.Data as ScenarioData)?.Log ?? [])}], open steps [" +
            string.Join(", ", Instance.ExecutionPointers.Where(p => p.EndTime is null).Select(p => $"{p.StepName ?? p.StepId.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{p.Status}")) +
            $"], next execution {Instance.NextExecution}";
    }

    /// <summary>Waits until a step of some workflow waits for this event.</summary>
    public Task UntilWaitingForAsync(string eventName, string eventKey) =>
        Poller.UntilAsync(() => Store.GetFirstOpenSubscription(eventName, eventKey, DateTime.UtcNow), s => s is not null,
            $"a workflow to wait for {eventName}/{eventKey}");

    /// <summary>Waits until every event published with this name and key has been processed.</summary>
    public Task UntilEventsProcessedAsync(string eventName, string eventKey) =>
        Poller.UntilAsync(async () =>
        {
            var ids = (await Store.GetEvents(eventName, eventKey, DateTime.MinValue)).ToList();
            var processed = 0;
            foreach (var id in ids)
            {
                processed += (await Store.GetEvent(id)).IsProcessed ? 1 : 0;
            }

            return (ids.Count, processed);
        }, c => c.Count > 0 && c.processed == c.Count, $"the events {eventName}/{eventKey} to be processed");

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(CancellationToken.None);
        await services.DisposeAsync();
    }
}
