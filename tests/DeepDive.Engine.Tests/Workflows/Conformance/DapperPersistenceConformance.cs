using Dapper;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using DeepDive.Engine.Tests.Support;
using static DeepDive.Engine.Tests.Workflows.Conformance.ConformanceBuilders;

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

    [ConformanceFact]
    public async Task ThePersistDeliveringAnEvent_EndsTheSubscriptionReadForIt_InTheSameCommit()
    {
        var provider = await CreateProviderAsync();
        var id = await provider.CreateNewWorkflow(InstanceWaitingForItsEvent());
        var subscriptionId = await provider.CreateEventSubscription(Subscription(id, "case-7", T0));
        var subscription = (await provider.GetSubscriptions("approval", "case-7", T0)).Single();
        var workflow = await provider.GetWorkflowInstance(id);
        Deliver(workflow.ExecutionPointers.FindById("p-2"));

        await provider.PersistWorkflow(workflow);

        // Closed before WorkflowCore's own termination: a crash between the two calls leaves no open subscription to a
        // pointer that already has its event. The termination that follows is answered without a write.
        (await Terminated(subscriptionId)).Should().BeTrue();
        await provider.TerminateSubscription(subscription.Id);
        (await Terminated(subscriptionId)).Should().BeTrue();
    }

    [ConformanceFact]
    public async Task APersistOfAPointerWhoseSubscriptionThisProcessDidNotRead_LeavesItToTheTermination()
    {
        var provider = await CreateProviderAsync();
        var id = await provider.CreateNewWorkflow(InstanceWaitingForItsEvent());
        var subscriptionId = await provider.CreateEventSubscription(Subscription(id, "case-7", T0));
        var workflow = await provider.GetWorkflowInstance(id);
        Deliver(workflow.ExecutionPointers.FindById("p-2"));

        await provider.PersistWorkflow(workflow);
        var openAfterPersist = !await Terminated(subscriptionId);
        await provider.TerminateSubscription(subscriptionId);

        openAfterPersist.Should().BeTrue();
        (await Terminated(subscriptionId)).Should().BeTrue();
    }

    [ConformanceFact]
    public async Task ThePersistDeliveringAnEvent_LeavesAlone_ASubscriptionReadForAPointerOfTheSameIdInAnotherInstance()
    {
        var provider = await CreateProviderAsync();
        var first = await provider.CreateNewWorkflow(InstanceWaitingForItsEvent());
        var second = await provider.CreateNewWorkflow(InstanceWaitingForItsEvent());
        var firstSubscription = await provider.CreateEventSubscription(Subscription(first, "case-7", T0));
        var secondSubscription = await provider.CreateEventSubscription(Subscription(second, "case-8", T0));
        await provider.GetSubscriptions("approval", "case-7", T0);
        var workflow = await provider.GetWorkflowInstance(second);
        Deliver(workflow.ExecutionPointers.FindById("p-2"));

        await provider.PersistWorkflow(workflow);

        (await Terminated(firstSubscription)).Should().BeFalse("the first instance's pointer p-2 has not had its event");
        (await Terminated(secondSubscription)).Should().BeFalse("this process never read the second instance's subscription");
    }

    private async Task<bool> Terminated(string subscriptionId)
    {
        await using var connection = await database!.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT terminated FROM wf_subscription WHERE id = @Id", new { Id = subscriptionId })) == 1;
    }

    private static DapperPersistenceProvider Provider(Database database) =>
        new(database, new WorkflowJson([typeof(ConformanceData)]), new PointerSnapshots(), new StepWrites(), new DeliveredSubscriptions());
}
