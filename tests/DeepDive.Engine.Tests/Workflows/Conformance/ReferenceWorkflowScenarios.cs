namespace DeepDive.Engine.Tests.Workflows.Conformance;

/// <summary>The scenarios on WorkflowCore's default in-memory persistence: what the engine does on the store it was written against.</summary>
public sealed class ReferenceWorkflowScenarios : WorkflowScenarios
{
    protected override Task<ScenarioHost> StartHostAsync() => ScenarioHost.StartAsync(_ => { });
}
