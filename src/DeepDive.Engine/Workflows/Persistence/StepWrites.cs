using System.Collections.Concurrent;
using System.Data.Common;

namespace DeepDive.Engine.Workflows.Persistence;

/// <summary>A write a step made to domain tables, run in the transaction that persists the step's workflow.</summary>
public delegate Task DomainWrite(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

/// <summary>
/// Holds the domain writes of steps that have run but whose workflow is not yet persisted. The persistence
/// provider runs them in the same transaction as the workflow instance and its subscriptions, so a step's
/// effects and the engine's record that the step ran commit together or not at all.
/// </summary>
public sealed class StepWrites(ExecutionJournal? journal = null)
{
    /// <summary>Where completed step executions are recorded; none in bare set-ups such as benchmarks.</summary>
    public ExecutionJournal? Journal => journal;

    private readonly ConcurrentDictionary<string, List<DomainWrite>> pending = new();
    private readonly ConcurrentDictionary<string, List<Func<Task>>> afterCommit = new();

    public void Add(string workflowId, IEnumerable<DomainWrite> writes)
    {
        var list = pending.GetOrAdd(workflowId, _ => []);
        lock (list)
        {
            list.AddRange(writes);
        }
    }

    public void AddAfterCommit(string workflowId, IEnumerable<Func<Task>> actions)
    {
        var list = afterCommit.GetOrAdd(workflowId, _ => []);
        lock (list)
        {
            list.AddRange(actions);
        }
    }

    /// <summary>True if a step of this workflow has writes or after-commit actions waiting for the workflow to be persisted.</summary>
    public bool HasPending(string workflowId) =>
        (pending.TryGetValue(workflowId, out var writes) && writes.Count > 0)
        || (afterCommit.TryGetValue(workflowId, out var actions) && actions.Count > 0);

    public IReadOnlyList<DomainWrite> Take(string workflowId) =>
        pending.TryRemove(workflowId, out var list) ? list : [];

    public IReadOnlyList<Func<Task>> TakeAfterCommit(string workflowId) =>
        afterCommit.TryRemove(workflowId, out var list) ? list : [];
}
