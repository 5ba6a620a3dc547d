using DeepDive.Engine.Storage;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Persistence;

/// <summary>
/// WorkflowCore's persistence on our own tables through Dapper, for SQLite, PostgreSQL and SQL Server.
/// WorkflowCore creates it often (it is registered transient), so construction only stores references.
/// </summary>
public sealed partial class DapperPersistenceProvider(
    Database database,
    WorkflowJson json,
    PointerSnapshots snapshots,
    StepWrites stepWrites,
    DeliveredSubscriptions delivered,
    ImmediateCommands? immediate = null) : IPersistenceProvider
{
    public bool SupportsScheduledCommands => true;

    public void EnsureStoreExists() => Migrator.Upgrade(database);

    public async Task PersistErrors(IEnumerable<ExecutionError> errors, CancellationToken cancellationToken = default)
    {
        var rows = errors.Select(e => new
        {
            InstanceId = e.WorkflowId,
            PointerId = e.ExecutionPointerId,
            ErrorTime = e.ErrorTime.ToUniversalTime().Ticks,
            Message = e.Message ?? "",
        }).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        // Through the write turn like every other write: on SQLite a write beside it would wait in SQLite's busy handler.
        await database.WriteAsync((connection, transaction, ct) =>
            Dapper.SqlMapper.ExecuteAsync(connection, new Dapper.CommandDefinition(ProviderSql.Errors.Insert, rows, transaction, cancellationToken: ct)), cancellationToken);
    }

    private static long Ticks(DateTime time) => time.Kind == DateTimeKind.Local ? time.ToUniversalTime().Ticks : time.Ticks;

    private static DateTime FromTicks(long ticks) => new(ticks, DateTimeKind.Utc);
}
