using System.Data.Common;
using Dapper;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using DeepDive.Engine.Workflows.Queues;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows;

/// <summary>
/// The one way to publish an event to a workflow. The event is written in the caller's transaction, so it exists
/// exactly when the rows that caused it do. After the commit, <see cref="WakeAsync"/> hands it to WorkflowCore's event
/// consumer at once when a workflow host runs in this process; in a process without one (a CLI command while
/// <c>deepdive run</c> runs elsewhere) the stored row is enough, and the running engine's poll picks it up.
/// </summary>
/// <param name="queue">This process's work queue; null where no workflow host can run (the event is only stored).</param>
public sealed class EventPublisher(WorkflowJson json, IQueueProvider? queue = null)
{
    /// <summary>A publisher for a process that runs no workflow host: it only stores events, for the engine's poll.</summary>
    public static EventPublisher StoreOnly() => new(WorkflowTypes.CreateSerializer());

    /// <summary>The write of <paramref name="evt"/>, to run in the caller's transaction (its data is serialised now).</summary>
    public DomainWrite Write(Event evt)
    {
        var row = DapperPersistenceProvider.EventRowOf(json, evt);
        return (connection, transaction, cancellationToken) =>
            connection.ExecuteAsync(new CommandDefinition(ProviderSql.Events.Insert, row, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Writes a new event for the workflow waiting on <paramref name="name"/> and <paramref name="key"/>; returns its id for <see cref="WakeAsync"/>.</summary>
    public async Task<string> WriteAsync(DbConnection connection, DbTransaction transaction, string name, string key, object? data, DateTime time,
        CancellationToken cancellationToken)
    {
        var evt = new Event
        {
            Id = Guid.NewGuid().ToString("N"),
            EventName = name,
            EventKey = key,
            EventData = data,
            EventTime = time,
            IsProcessed = false,
        };
        await Write(evt)(connection, transaction, cancellationToken);
        return evt.Id;
    }

    /// <summary>How many events of <paramref name="name"/> and <paramref name="key"/> were ever published, processed or not.</summary>
    public Task<long> CountAsync(DbConnection connection, DbTransaction transaction, string name, string key, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(ProviderSql.Events.CountByKey,
            new { EventName = name, EventKey = key }, transaction, cancellationToken: cancellationToken));

    /// <summary>Call after the commit: the event consumer of a host running in this process takes the event now, not at its next poll.</summary>
    public Task WakeAsync(string eventId) => HostRuns ? queue!.QueueWork(eventId, QueueType.Event) : Task.CompletedTask;

    /// <summary><see cref="WakeAsync"/> for a step's after-commit work.</summary>
    public Func<Task> Wake(string eventId) => () => WakeAsync(eventId);

    private bool HostRuns => queue switch
    {
        null => false,
        DeduplicatingQueueProvider own => own.IsRunning,
        _ => true,
    };
}
