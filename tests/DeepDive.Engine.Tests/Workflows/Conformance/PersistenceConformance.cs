using DeepDive.Engine.Tests.Support;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using static DeepDive.Engine.Tests.Workflows.Conformance.ConformanceBuilders;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

/// <summary>
/// What WorkflowCore's engine relies on from an <see cref="IPersistenceProvider"/>, checked the same way for
/// WorkflowCore's own in-memory provider (the reference) and for ours on each database. Where the reference
/// differs on a point the engine does not rely on, the reference's class turns that one assertion off with a
/// reason; the assertion itself is never weakened.
/// </summary>
public abstract partial class PersistenceConformance
{
    /// <summary>A provider on a fresh, empty store that is ready for use.</summary>
    protected abstract Task<IPersistenceProvider> CreateProviderAsync();

    /// <summary>A provider whose store does not exist yet, for <see cref="IPersistenceProvider.EnsureStoreExists"/>.</summary>
    protected virtual Task<IPersistenceProvider> CreateProviderOnMissingStoreAsync() => CreateProviderAsync();

    /// <summary>The errors stored for a workflow, or null where the provider keeps them out of sight.</summary>
    protected virtual Task<IReadOnlyList<StoredError>?> StoredErrorsAsync(string workflowId) =>
        Task.FromResult<IReadOnlyList<StoredError>?>(null);

    /// <summary>Whether GetRunnableInstances leaves out instances that are not Runnable.</summary>
    protected virtual bool RunnableInstancesAreOnlyRunnable => true;

    /// <summary>Whether SetSubscriptionToken refuses a subscription that already holds a token.</summary>
    protected virtual bool TokenIsGrantedOnce => true;

    /// <summary>Whether ClearSubscriptionToken with a token the subscription does not hold leaves it alone without failing.</summary>
    protected virtual bool ClearingWithAnotherTokenIsIgnored => true;

    public sealed record StoredError(string WorkflowId, string? PointerId, DateTime Time, string Message);

    [ConformanceFact]
    public async Task EnsureStoreExists_CreatesTheStore_AndCanRunAgain()
    {
        var provider = await CreateProviderOnMissingStoreAsync();

        provider.EnsureStoreExists();
        provider.EnsureStoreExists();

        var id = await provider.CreateNewWorkflow(Instance());
        (await provider.GetWorkflowInstance(id)).WorkflowDefinitionId.Should().Be("conformance");
    }

    [ConformanceFact]
    public async Task PersistErrors_StoresEachError_AndAcceptsNone()
    {
        var provider = await CreateProviderAsync();
        var id = await provider.CreateNewWorkflow(Instance());
        var errors = new[]
        {
            new ExecutionError { WorkflowId = id, ExecutionPointerId = "p-2", ErrorTime = T0.AddMinutes(1), Message = "step failed" },
            new ExecutionError { WorkflowId = id, ExecutionPointerId = "p-2", ErrorTime = T0.AddMinutes(2), Message = "failed again" },
        };

        await provider.PersistErrors(errors);
        await provider.PersistErrors([]);

        if (await StoredErrorsAsync(id) is { } stored)
        {
            stored.Should().BeEquivalentTo(
            [
                new StoredError(id, "p-2", T0.AddMinutes(1), "step failed"),
                new StoredError(id, "p-2", T0.AddMinutes(2), "failed again"),
            ]);
        }
    }
}
