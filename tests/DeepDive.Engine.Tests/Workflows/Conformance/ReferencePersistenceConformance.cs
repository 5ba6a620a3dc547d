using DeepDive.Engine.Tests.Support;
using WorkflowCore.Interface;
using WorkflowCore.Services;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

/// <summary>The conformance facts on WorkflowCore's own in-memory provider: the reference the engine was written against.</summary>
[SkipConformanceFact(nameof(ScheduleCommand_SameCommandAgain_KeepsTheEarliestTime), NoScheduledCommands)]
[SkipConformanceFact(nameof(ProcessCommands_RunsEachDueCommandOnce_AndLeavesLaterOnes), NoScheduledCommands)]
[SkipConformanceFact(nameof(ProcessCommands_AnActionThatWritesToTheStore_Completes), NoScheduledCommands)]
[SkipConformanceFact(nameof(GetRunnableEvents_LeavesOutEventsNoWorkflowWaitsFor_UntilOneDoes),
    "Not applicable to WorkflowCore's in-memory store: it polls every unprocessed event, waited for or not; only ours leaves out events no workflow waits for.")]
public sealed class ReferencePersistenceConformance : PersistenceConformance
{
    private const string NoScheduledCommands =
        "Not applicable to WorkflowCore's in-memory store: it keeps no scheduled commands (SupportsScheduledCommands is false), so the engine queues runnable work directly and never calls ScheduleCommand or ProcessCommands on it.";

    protected override Task<IPersistenceProvider> CreateProviderAsync() =>
        Task.FromResult<IPersistenceProvider>(new MemoryPersistenceProvider());

    // It returns instances in any status; the engine's consumer skips those that are not Runnable.
    protected override bool RunnableInstancesAreOnlyRunnable => false;

    // It grants a second token over the first; with one process nothing else races for the subscription.
    protected override bool TokenIsGrantedOnce => false;

    // It throws on a token the subscription does not hold; the engine only clears the token it was given.
    protected override bool ClearingWithAnotherTokenIsIgnored => false;
}
