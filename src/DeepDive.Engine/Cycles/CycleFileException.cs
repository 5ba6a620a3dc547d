namespace DeepDive.Engine.Cycles;

/// <summary>A cycle file that cannot be used, with every problem found in it.</summary>
public sealed class CycleFileException(string fileName, IReadOnlyList<CycleFileError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => $"{fileName}: {e}")))
{
    public string FileName { get; } = fileName;

    public IReadOnlyList<CycleFileError> Errors { get; } = errors;
}
