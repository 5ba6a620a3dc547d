namespace DeepDive.Engine.Tests.Workflows.Conformance;

/// <summary>Workflow, event and step data stored by the conformance tests: a type the store only knows from its allow-list.</summary>
public sealed class ConformanceData
{
    public string Name { get; set; } = "";
    public int Count { get; set; }
    public List<string> Tags { get; set; } = [];
}
