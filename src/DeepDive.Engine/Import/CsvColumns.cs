namespace DeepDive.Engine.Import;

/// <summary>The columns an import file may have, in the order the documentation lists them, and those it must have.</summary>
internal sealed record CsvColumns(IReadOnlyList<string> Known, IReadOnlyList<string> Required)
{
    public string KnownList => string.Join(", ", Known);
}
