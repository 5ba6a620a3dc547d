namespace DeepDive.Engine.Tests.Workflows.Conformance;

/// <summary>The data of every scenario workflow; the steps write what they did into <see cref="Log"/>.</summary>
public sealed class ScenarioData
{
    public string Key { get; set; } = "";
    public string? Answer { get; set; }
    public int Value { get; set; }
    public int Counter { get; set; }
    public int Attempts { get; set; }
    public List<string> Items { get; set; } = [];
    public List<string> Log { get; set; } = [];
}
