using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Execution;

/// <summary>
/// The WorkflowCore settings every DeepDive host shares: the engine (<c>RuntimeServices</c>), the workflow bench for
/// every store, and the conformance scenarios. Register <see cref="ChainedStepsRegistration.AddChainedSteps"/> too.
/// </summary>
public static class EngineSettings
{
    /// <summary>
    /// How many workflows WorkflowCore's workflow consumer runs at once. WorkflowCore's default is the core count (at
    /// least four); when all are taken its dispatcher sleeps for the idle time. Ours persists a turn on the thread pool
    /// (see <c>DapperPersistenceProvider.PersistWorkflow</c>), holding a slot meanwhile, so the engine allows more:
    /// with 8 slots the bench's 16 workflows in flight waited for them.
    /// </summary>
    public const int MaxConcurrentWorkflows = 32;

    public static void Apply(WorkflowOptions options)
    {
        options.UseMaxConcurrentWorkflows(MaxConcurrentWorkflows);
        // No search index is configured, so indexing would only load every instance again after each step.
        options.EnableIndexes = false;
        // Nothing listens for lifecycle events (step started, workflow completed); publishing them only kept a
        // thread spinning awake on the queue of them after every step.
        options.EnableLifeCycleEventsPublisher = false;
    }
}
