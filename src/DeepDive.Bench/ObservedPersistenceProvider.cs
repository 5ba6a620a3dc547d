using System.Diagnostics;
using System.Runtime.CompilerServices;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Bench;

/// <summary>
/// Wraps the persistence provider under test: tells <see cref="BenchProgress"/> what the store accepted,
/// and counts the calls WorkflowCore makes and the time they take (<see cref="StoreCalls"/>). The same
/// wrapper is put around every provider, so it costs them all the same.
/// </summary>
public sealed class ObservedPersistenceProvider(IPersistenceProvider inner, BenchProgress progress, StoreCalls calls) : IPersistenceProvider
{
    public bool SupportsScheduledCommands => inner.SupportsScheduledCommands;

    public void EnsureStoreExists() => inner.EnsureStoreExists();

    public Task<string> CreateNewWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default) =>
        Timed(() => inner.CreateNewWorkflow(workflow, cancellationToken));

    public async Task PersistWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default)
    {
        await Timed(() => inner.PersistWorkflow(workflow, cancellationToken));
        progress.Persisted(workflow, null);
    }

    public async Task PersistWorkflow(WorkflowInstance workflow, List<EventSubscription> subscriptions, CancellationToken cancellationToken = default)
    {
        await Timed(() => inner.PersistWorkflow(workflow, subscriptions, cancellationToken), "PersistWorkflow+subscriptions");
        progress.Persisted(workflow, subscriptions);
    }

    public Task<IEnumerable<string>> GetRunnableInstances(DateTime asAt, CancellationToken cancellationToken = default) =>
        Timed(() => inner.GetRunnableInstances(asAt, cancellationToken));

    [Obsolete("WorkflowCore marks this query obsolete.")]
    public Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(WorkflowStatus? status, string type, DateTime? createdFrom, DateTime? createdTo, int skip, int take) =>
        Timed(() => inner.GetWorkflowInstances(status, type, createdFrom, createdTo, skip, take));

    public Task<WorkflowInstance> GetWorkflowInstance(string Id, CancellationToken cancellationToken = default) =>
        Timed(() => inner.GetWorkflowInstance(Id, cancellationToken));

    public Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(IEnumerable<string> ids, CancellationToken cancellationToken = default) =>
        Timed(() => inner.GetWorkflowInstances(ids, cancellationToken));

    public Task<string> CreateEventSubscription(EventSubscription subscription, CancellationToken cancellationToken = default) =>
        Timed(() => inner.CreateEventSubscription(subscription, cancellationToken));

    public Task<IEnumerable<EventSubscription>> GetSubscriptions(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
        Timed(() => inner.GetSubscriptions(eventName, eventKey, asOf, cancellationToken));

    public Task TerminateSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) =>
        Timed(() => inner.TerminateSubscription(eventSubscriptionId, cancellationToken));

    public Task<EventSubscription> GetSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default) =>
        Timed(() => inner.GetSubscription(eventSubscriptionId, cancellationToken));

    public Task<EventSubscription> GetFirstOpenSubscription(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
        Timed(() => inner.GetFirstOpenSubscription(eventName, eventKey, asOf, cancellationToken));

    public Task<bool> SetSubscriptionToken(string eventSubscriptionId, string token, string workerId, DateTime expiry, CancellationToken cancellationToken = default) =>
        Timed(() => inner.SetSubscriptionToken(eventSubscriptionId, token, workerId, expiry, cancellationToken));

    public Task ClearSubscriptionToken(string eventSubscriptionId, string token, CancellationToken cancellationToken = default) =>
        Timed(() => inner.ClearSubscriptionToken(eventSubscriptionId, token, cancellationToken));

    public Task<string> CreateEvent(Event newEvent, CancellationToken cancellationToken = default) =>
        Timed(() => inner.CreateEvent(newEvent, cancellationToken));

    public Task<Event> GetEvent(string id, CancellationToken cancellationToken = default) =>
        Timed(() => inner.GetEvent(id, cancellationToken));

    public Task<IEnumerable<string>> GetRunnableEvents(DateTime asAt, CancellationToken cancellationToken = default) =>
        Timed(() => inner.GetRunnableEvents(asAt, cancellationToken));

    public Task<IEnumerable<string>> GetEvents(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default) =>
        Timed(() => inner.GetEvents(eventName, eventKey, asOf, cancellationToken));

    public Task MarkEventProcessed(string id, CancellationToken cancellationToken = default) =>
        Timed(() => inner.MarkEventProcessed(id, cancellationToken));

    public Task MarkEventUnprocessed(string id, CancellationToken cancellationToken = default) =>
        Timed(() => inner.MarkEventUnprocessed(id, cancellationToken));

    public async Task PersistErrors(IEnumerable<ExecutionError> errors, CancellationToken cancellationToken = default)
    {
        var list = errors.ToList();
        await Timed(() => inner.PersistErrors(list, cancellationToken));
        progress.Failed(list);
    }

    public Task ScheduleCommand(ScheduledCommand command) => Timed(() => inner.ScheduleCommand(command));

    public Task ProcessCommands(DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken cancellationToken = default) =>
        Timed(() => inner.ProcessCommands(asOf, action, cancellationToken));

    // Takes the call unstarted, so the time includes its synchronous part (all of it, for the in-memory store).
    private async Task Timed(Func<Task> call, [CallerMemberName] string name = "")
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call();
        }
        finally
        {
            calls.Add(name, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<T> Timed<T>(Func<Task<T>> call, [CallerMemberName] string name = "")
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await call();
        }
        finally
        {
            calls.Add(name, Stopwatch.GetElapsedTime(started));
        }
    }
}
