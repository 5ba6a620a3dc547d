using DeepDive.Engine.Storage;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Persistence;

/// <summary>
/// The SQL <see cref="WorkflowPurger"/> runs, written for one dialect and batch size. Every statement takes
/// <c>@Cutoff</c> in ticks; the workflow deletes also take <c>@BatchEnd</c>, the last id of the batch.
/// </summary>
public sealed record PurgeStatements(
    string WorkflowBatchEnd,
    string DeletePointers,
    string DeleteSubscriptions,
    string DeleteWorkflows,
    string DeleteEvents,
    string DeleteErrors)
{
    private static readonly string Finished =
        $"status IN ({(int)WorkflowStatus.Complete}, {(int)WorkflowStatus.Terminated}) AND complete_time < @Cutoff";

    // Bounding the batch by its last id, fixed before the first delete, keeps the three deletes on the same instances
    // even if another purge runs at the same time: a LIMIT repeated in each statement could move between them.
    private static readonly string InBatch = $"{Finished} AND id <= @BatchEnd";

    public static PurgeStatements For(ISqlDialect dialect, int batchSize) => new(
        WorkflowBatchEnd: $"SELECT MAX(id) FROM ({dialect.Top($"SELECT id FROM wf_instance WHERE {Finished} ORDER BY id", batchSize)}) batch_ids",
        DeletePointers: $"DELETE FROM wf_pointer WHERE instance_id IN (SELECT id FROM wf_instance WHERE {InBatch})",
        DeleteSubscriptions: $"DELETE FROM wf_subscription WHERE instance_id IN (SELECT id FROM wf_instance WHERE {InBatch})",
        DeleteWorkflows: $"DELETE FROM wf_instance WHERE {InBatch}",
        DeleteEvents: dialect.DeleteFirst("wf_event", "id", "is_processed = 1 AND event_time < @Cutoff", batchSize),
        DeleteErrors: dialect.DeleteFirst("wf_error", "id", "error_time < @Cutoff", batchSize));
}
