using DeepDive.Engine.Workflows.Definitions;

namespace DeepDive.Engine.Hosting;

/// <summary>
/// The workflow definitions the engine registers at start: the embedded ones, plus any a caller adds (e.g. a newer
/// version of one). Every (id, version) is registered, so an instance carries on with the version it started on
/// while new instances start on the latest.
/// </summary>
public sealed class EngineDefinitions
{
    private readonly List<DefinitionLoader.Source> extra = [];

    public void Add(IEnumerable<DefinitionLoader.Source> sources) => extra.AddRange(sources);

    public IReadOnlyList<DefinitionLoader.Source> All => [.. DefinitionLoader.Embedded(), .. extra];
}
