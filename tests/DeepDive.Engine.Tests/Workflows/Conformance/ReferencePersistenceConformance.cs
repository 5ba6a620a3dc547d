using WorkflowCore.Interface;
using WorkflowCore.Services;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

/// <summary>The conformance facts on WorkflowCore's own in-memory provider: the reference the engine was written against.</summary>
public sealed class ReferencePersistenceConformance : PersistenceConformance
{
    protected override Task<IPersistenceProvider> CreateProviderAsync() =>
        Task.FromResult<IPersistenceProvider>(new MemoryPersistenceProvider());

    // It keeps no scheduled commands, so the engine queues runnable work directly instead.
    protected override bool SchedulesCommands => false;

    // It returns instances in any status; the engine's consumer skips those that are not Runnable.
    protected override bool RunnableInstancesAreOnlyRunnable => false;

    // It grants a second token over the first; with one process nothing else races for the subscription.
    protected override bool TokenIsGrantedOnce => false;

    // It polls every unprocessed event, waited for or not.
    protected override bool OnlyWaitedForEventsAreRunnable => false;

    // It throws on a token the subscription does not hold; the engine only clears the token it was given.
    protected override bool ClearingWithAnotherTokenIsIgnored => false;
}
