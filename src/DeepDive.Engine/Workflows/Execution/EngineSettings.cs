using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Execution;

/// <summary>
/// The WorkflowCore settings every DeepDive host shares: the engine (<c>RuntimeServices</c>), the workflow bench for
/// every store, and the conformance scenarios. Register <see cref="ChainedStepsRegistration.AddChainedSteps"/> too.
/// </summary>
public static class EngineSettings
{
    public static void Apply(WorkflowOptions options)
    {
        // No search index is configured, so indexing would only load every instance again after each step.
        options.EnableIndexes = false;
        // Nothing listens for lifecycle events (step started, workflow completed); publishing them only kept a
        // thread spinning awake on the queue of them after every step.
        options.EnableLifeCycleEventsPublisher = false;
    }
}
