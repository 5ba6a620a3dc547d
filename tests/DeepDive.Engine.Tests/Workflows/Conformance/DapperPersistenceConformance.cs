using Dapper;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

/// <summary>The conformance facts on our Dapper provider; a concrete class gives it a database.</summary>
public abstract class DapperPersistenceConformance : PersistenceConformance
{
    private Database? database;

    /// <summary>A fresh database with the DeepDive schema.</summary>
    protected abstract Task<Database> CreateMigratedDatabaseAsync();

    /// <summary>A fresh database with no tables.</summary>
    protected abstract Task<Database> CreateEmptyDatabaseAsync();

    protected override async Task<IPersistenceProvider> CreateProviderAsync() => Provider(database = await CreateMigratedDatabaseAsync());

    protected override async Task<IPersistenceProvider> CreateProviderOnMissingStoreAsync() => Provider(database = await CreateEmptyDatabaseAsync());

    protected override async Task<IReadOnlyList<StoredError>?> StoredErrorsAsync(string workflowId)
    {
        const string sql = """
            SELECT instance_id AS InstanceId, pointer_id AS PointerId, error_time AS ErrorTime, message AS Message
            FROM wf_error WHERE instance_id = @Id ORDER BY error_time
            """;
        await using var connection = await database!.OpenAsync(CancellationToken.None);
        var rows = await connection.QueryAsync<(string InstanceId, string? PointerId, long ErrorTime, string Message)>(
            new CommandDefinition(sql, new { Id = workflowId }));
        return rows.Select(r => new StoredError(r.InstanceId, r.PointerId, new DateTime(r.ErrorTime, DateTimeKind.Utc), r.Message)).ToList();
    }

    private static DapperPersistenceProvider Provider(Database database) =>
        new(database, new WorkflowJson([typeof(ConformanceData)]), new PointerSnapshots(), new StepWrites());
}
