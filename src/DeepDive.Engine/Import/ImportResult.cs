namespace DeepDive.Engine.Import;

/// <summary>What an import wrote, or, when it has errors, why nothing was written.</summary>
public sealed record ImportResult(int Inserted, int Updated, IReadOnlyList<ImportError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
