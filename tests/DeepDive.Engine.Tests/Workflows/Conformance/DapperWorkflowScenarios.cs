using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Persistence;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

/// <summary>The scenarios on our Dapper provider; a concrete class gives it a migrated database.</summary>
public abstract class DapperWorkflowScenarios : WorkflowScenarios
{
    protected abstract Task<Database> CreateMigratedDatabaseAsync();

    protected override async Task<ScenarioHost> StartHostAsync()
    {
        var database = await CreateMigratedDatabaseAsync();
        // One allow-list, snapshot memory, write buffer and delivered subscriptions per host, as the engine registers them as singletons.
        var json = new WorkflowJson([typeof(ScenarioData)]);
        var snapshots = new PointerSnapshots();
        var writes = new StepWrites();
        var delivered = new DeliveredSubscriptions();
        return await ScenarioHost.StartAsync(o => o.UsePersistence(_ => new DapperPersistenceProvider(database, json, snapshots, writes, delivered)));
    }
}
