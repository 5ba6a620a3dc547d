using System.Data.Common;
using Dapper;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Persistence;

public sealed partial class DapperPersistenceProvider
{
    private sealed class InstanceRow
    {
        /// <summary>0 for the instance's own row, 1 for a pointer's (<see cref="ProviderSql.Instances.WithPointers"/>).</summary>
        public int Kind { get; set; }

        public string Id { get; set; } = "";
        public string DefinitionId { get; set; } = "";
        public int Version { get; set; }
        public string? Description { get; set; }
        public string? Reference { get; set; }
        public int Status { get; set; }
        public long? NextExecution { get; set; }
        public string? DataJson { get; set; }
        public long CreateTime { get; set; }
        public long? CompleteTime { get; set; }

        /// <summary>A pointer's document, on a pointer's row.</summary>
        public string? BodyJson { get; set; }
    }

    public async Task<string> CreateNewWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default)
    {
        await database.WriteAsync(InsertWorkflow(workflow), cancellationToken);
        return workflow.Id;
    }

    /// <summary>
    /// The insert of a new instance, to run inside a caller's transaction so it is created together with the domain rows
    /// that need it. The instance is serialised here, before the write waits for its turn.
    /// </summary>
    public Func<DbConnection, DbTransaction, CancellationToken, Task> InsertWorkflow(WorkflowInstance workflow)
    {
        if (string.IsNullOrEmpty(workflow.Id))
        {
            workflow.Id = Guid.NewGuid().ToString("N");
        }

        var row = new
        {
            workflow.Id,
            PartnershipId = (workflow.Data as ITenantData)?.PartnershipId,
            DefinitionId = workflow.WorkflowDefinitionId,
            workflow.Version,
            workflow.Description,
            workflow.Reference,
            Status = (int)workflow.Status,
            workflow.NextExecution,
            DataJson = json.Write(workflow.Data),
            CreateTime = Ticks(workflow.CreateTime),
            CompleteTime = workflow.CompleteTime is { } c ? Ticks(c) : (long?)null,
        };
        var pointers = ChangedPointers(workflow, onlyChanged: false);
        return async (connection, transaction, cancellationToken) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(ProviderSql.Instances.Insert, row, transaction, cancellationToken: cancellationToken));
            await UpsertPointersAsync(workflow.Id, pointers, connection, transaction, cancellationToken);
            foreach (var (pointer, document) in pointers)
            {
                snapshots.Remember(pointer, document);
            }
        };
    }

    public Task PersistWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default) =>
        PersistAsync(workflow, null, cancellationToken);

    /// <summary>
    /// The persist at the end of a workflow's turn (only WorkflowCore's workflow consumer calls this overload). That
    /// consumer runs each item on its dispatcher until the item first waits, and only then takes the next item, so with
    /// a driver that never makes it wait (SQLite) every item's persist, and all that follows it, ran on one thread while
    /// the other cores idled. Here the persist goes on on the thread pool instead and the dispatcher takes the next item:
    /// in interleaved <c>deepdive bench workflows --rounds 3</c> runs ours on SQLite went from 0.48x-0.53x the in-memory
    /// store's throughput at steady state to 0.57x-0.60x. The item keeps one of WorkflowCore's slots while it persists, so the
    /// engine allows more of them (<see cref="Execution.EngineSettings.MaxConcurrentWorkflows"/>). The event consumer's
    /// calls stay on their caller: that consumer has two slots (WorkflowCore fixes the number) and sleeps for the idle
    /// time whenever both are held, so freeing its dispatcher the same way (tried in the load) made the event half of
    /// the bench three times slower.
    /// </summary>
    public async Task PersistWorkflow(WorkflowInstance workflow, List<EventSubscription>? subscriptions, CancellationToken cancellationToken = default)
    {
        if (database.Dialect.DriverBlocksCaller)
        {
            await Task.Yield();
        }

        await PersistAsync(workflow, subscriptions, cancellationToken);
    }

    private async Task PersistAsync(WorkflowInstance workflow, List<EventSubscription>? subscriptions, CancellationToken cancellationToken)
    {
        var writes = stepWrites.Take(workflow.Id);
        var afterCommit = stepWrites.TakeAfterCommit(workflow.Id);
        List<(ExecutionPointer Pointer, string Document)> written;
        // Serialised before taking the turn to write, so the turn is spent only on writing.
        var instance = new
        {
            workflow.Id,
            workflow.Description,
            workflow.Reference,
            Status = (int)workflow.Status,
            workflow.NextExecution,
            DataJson = json.Write(workflow.Data),
            CompleteTime = workflow.CompleteTime is { } c ? Ticks(c) : (long?)null,
            workflow.Version,
        };
        var changed = ChangedPointers(workflow, onlyChanged: true);
        var ended = changed.Where(c => EventJustDelivered(c.Pointer)).Select(c => delivered.TakeSeen(workflow.Id, c.Pointer.Id)).OfType<string>().ToList();
        await database.WriteAsync(async (connection, transaction, ct) =>
        {
            var updated = await connection.ExecuteAsync(new CommandDefinition(ProviderSql.Instances.Update, instance, transaction, cancellationToken: ct));
            if (updated == 0)
            {
                throw new InvalidOperationException($"Workflow instance {workflow.Id} does not exist; it cannot be persisted.");
            }

            await UpsertPointersAsync(workflow.Id, changed, connection, transaction, ct);
            foreach (var subscription in subscriptions ?? [])
            {
                await InsertSubscriptionAsync(subscription, connection, transaction, ct);
            }

            foreach (var subscriptionId in ended)
            {
                await connection.ExecuteAsync(new CommandDefinition(ProviderSql.Subscriptions.Terminate, new { Id = subscriptionId }, transaction, cancellationToken: ct));
            }

            foreach (var write in writes)
            {
                await write(connection, transaction, ct);
            }
        }, cancellationToken);
        written = changed;
        delivered.Remember(ended);

        foreach (var (pointer, document) in written)
        {
            snapshots.Remember(pointer, document);
        }

        foreach (var action in afterCommit)
        {
            await action();
        }
    }

    /// <summary>
    /// A pointer whose awaited event has just been given to it (WorkflowCore's event consumer marks it published and
    /// active; the step has not run since): its subscription is spent, so the persist that stores this ends it too.
    /// </summary>
    private static bool EventJustDelivered(ExecutionPointer pointer) =>
        pointer.EventPublished && pointer.Status == PointerStatus.WaitingForEvent && pointer.EndTime is null;

    /// <summary>The pointers whose stored form differs from what this process last loaded or wrote, with that form.</summary>
    private List<(ExecutionPointer Pointer, string Document)> ChangedPointers(WorkflowInstance workflow, bool onlyChanged)
    {
        var changed = new List<(ExecutionPointer Pointer, string Document)>();
        var position = 0;
        foreach (var pointer in workflow.ExecutionPointers)
        {
            if (string.IsNullOrEmpty(pointer.Id))
            {
                pointer.Id = Guid.NewGuid().ToString("N");
            }

            var document = PointerDocument.Write(pointer, position++, json);
            if (onlyChanged && snapshots.IsUnchanged(pointer, document))
            {
                continue;
            }

            changed.Add((pointer, document));
        }

        return changed;
    }

    private async Task UpsertPointersAsync(string instanceId, List<(ExecutionPointer Pointer, string Document)> changed,
        DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (changed.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(ProviderSql.Pointers.Upsert(database.Dialect),
                changed.Select(c => new { InstanceId = instanceId, c.Pointer.Id, BodyJson = c.Document }).ToList(),
                transaction, cancellationToken: cancellationToken));
        }
    }

    public async Task<IEnumerable<string>> GetRunnableInstances(DateTime asAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<string>(new CommandDefinition(ProviderSql.Instances.Runnable, new { Now = Ticks(asAt) }, cancellationToken: cancellationToken))).ToList();
    }

    [Obsolete("WorkflowCore marks this query obsolete; it is kept for its callers.")]
    public async Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(WorkflowStatus? status, string type, DateTime? createdFrom, DateTime? createdTo, int skip, int take)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var ids = (await connection.QueryAsync<string>(new CommandDefinition(ProviderSql.Instances.Filtered, new
        {
            Status = (int?)status,
            Type = type,
            From = createdFrom is { } f ? Ticks(f) : (long?)null,
            To = createdTo is { } t ? Ticks(t) : (long?)null,
        }))).Skip(skip).Take(take).ToList();
        return await GetWorkflowInstances(ids);
    }

    public async Task<WorkflowInstance> GetWorkflowInstance(string Id, CancellationToken cancellationToken = default)
    {
        var found = await LoadAsync([Id], cancellationToken);
        return found.Count == 1 ? found[0] : throw new InvalidOperationException($"Workflow instance {Id} does not exist.");
    }

    public async Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(IEnumerable<string> ids, CancellationToken cancellationToken = default) =>
        await LoadAsync(ids.ToList(), cancellationToken);

    private async Task<List<WorkflowInstance>> LoadAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var result = new List<WorkflowInstance>();
        if (ids.Count == 0)
        {
            return result;
        }

        foreach (var id in ids)
        {
            var rows = await database.ReadAsync(async (connection, ct) =>
                (await connection.QueryAsync<InstanceRow>(new CommandDefinition(ProviderSql.Instances.WithPointers, new { Id = id }, cancellationToken: ct))).AsList(), cancellationToken);
            var row = rows.Find(r => r.Kind == 0);
            if (row is null)
            {
                continue;
            }

            var pointers = rows.Where(r => r.Kind == 1).Select(r => r.BodyJson!);
            var instance = new WorkflowInstance
            {
                Id = row.Id,
                WorkflowDefinitionId = row.DefinitionId,
                Version = row.Version,
                Description = row.Description,
                Reference = row.Reference,
                Status = (WorkflowStatus)row.Status,
                NextExecution = row.NextExecution,
                Data = json.Read(row.DataJson),
                CreateTime = FromTicks(row.CreateTime),
                CompleteTime = row.CompleteTime is { } c ? FromTicks(c) : null,
            };
            // A stable sort: documents from before positions were stored keep the order the database returned.
            foreach (var (pointer, body) in pointers.Select(p => (Read: PointerDocument.Read(p, json), BodyJson: p))
                         .OrderBy(p => p.Read.Position).Select(p => (p.Read.Pointer, p.BodyJson)))
            {
                snapshots.Remember(pointer, body);
                instance.ExecutionPointers.Add(pointer);
            }

            result.Add(instance);
        }

        return result;
    }
}
