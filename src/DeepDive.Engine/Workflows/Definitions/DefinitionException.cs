namespace DeepDive.Engine.Workflows.Definitions;

public sealed record DefinitionError(string File, string Path, string Reason)
{
    public override string ToString() => $"{File}: {Path}: {Reason}";
}

/// <summary>A workflow definition file that cannot be loaded; the engine does not start with it.</summary>
public sealed class DefinitionException(IReadOnlyList<DefinitionError> errors)
    : Exception("Invalid workflow definition:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  " + e)))
{
    public IReadOnlyList<DefinitionError> Errors { get; } = errors;
}
