using System.Data.Common;
using Dapper;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Workflows.Persistence;

/// <summary>
/// Deletes finished workflow instances (with their pointers and subscriptions), processed events and step errors
/// once they are older than their retention. It works in batches, each its own short transaction, and every row is
/// chosen and deleted in SQL: only the last id of a workflow batch comes back to the process.
/// Running or suspended instances and unprocessed events are never deleted.
/// </summary>
public sealed class WorkflowPurger(Database database, TimeProvider clock)
{
    public async Task<PurgeResult> PurgeAsync(PurgeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var statements = PurgeStatements.For(database.Dialect, options.BatchSize);
        var now = clock.GetUtcNow().UtcTicks;
        var result = PurgeResult.None;

        var workflowCutoff = Cutoff(now, options.CompletedWorkflowRetention);
        while (true)
        {
            var batch = await database.InTransactionAsync(
                (connection, transaction) => DeleteWorkflowBatchAsync(statements, workflowCutoff, connection, transaction, cancellationToken),
                cancellationToken);
            if (batch.Workflows > 0)
            {
                result = result with
                {
                    Workflows = result.Workflows + batch.Workflows,
                    Pointers = result.Pointers + batch.Pointers,
                    Subscriptions = result.Subscriptions + batch.Subscriptions,
                    Batches = result.Batches + 1,
                };
            }

            if (batch.Workflows < options.BatchSize)
            {
                break;
            }
        }

        var events = await DeleteInBatchesAsync(statements.DeleteEvents, Cutoff(now, options.ProcessedEventRetention), options.BatchSize, cancellationToken);
        var errors = await DeleteInBatchesAsync(statements.DeleteErrors, Cutoff(now, options.ErrorRetention), options.BatchSize, cancellationToken);
        return result with
        {
            Events = events.Rows,
            Errors = errors.Rows,
            Batches = result.Batches + events.Batches + errors.Batches,
        };
    }

    private static async Task<WorkflowBatch> DeleteWorkflowBatchAsync(
        PurgeStatements statements, long cutoff, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var batchEnd = await connection.ExecuteScalarAsync<string?>(
            new CommandDefinition(statements.WorkflowBatchEnd, new { Cutoff = cutoff }, transaction, cancellationToken: cancellationToken));
        if (batchEnd is null)
        {
            return new WorkflowBatch(0, 0, 0);
        }

        var parameters = new { Cutoff = cutoff, BatchEnd = batchEnd };
        // Pointers first: they reference their instance.
        var pointers = await connection.ExecuteAsync(
            new CommandDefinition(statements.DeletePointers, parameters, transaction, cancellationToken: cancellationToken));
        var subscriptions = await connection.ExecuteAsync(
            new CommandDefinition(statements.DeleteSubscriptions, parameters, transaction, cancellationToken: cancellationToken));
        var workflows = await connection.ExecuteAsync(
            new CommandDefinition(statements.DeleteWorkflows, parameters, transaction, cancellationToken: cancellationToken));
        return new WorkflowBatch(workflows, pointers, subscriptions);
    }

    private async Task<(int Rows, int Batches)> DeleteInBatchesAsync(string sql, long cutoff, int batchSize, CancellationToken cancellationToken)
    {
        var rows = 0;
        var batches = 0;
        while (true)
        {
            var deleted = await database.InTransactionAsync(
                (connection, transaction) => connection.ExecuteAsync(
                    new CommandDefinition(sql, new { Cutoff = cutoff }, transaction, cancellationToken: cancellationToken)),
                cancellationToken);
            if (deleted > 0)
            {
                rows += deleted;
                batches++;
            }

            if (deleted < batchSize)
            {
                return (rows, batches);
            }
        }
    }

    /// <summary>Rows strictly older than this many ticks are due; a retention longer than all of time keeps everything.</summary>
    private static long Cutoff(long nowTicks, TimeSpan retention) => Math.Max(0, nowTicks - retention.Ticks);

    private sealed record WorkflowBatch(int Workflows, int Pointers, int Subscriptions);
}
