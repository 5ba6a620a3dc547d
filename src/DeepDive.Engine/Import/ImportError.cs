namespace DeepDive.Engine.Import;

/// <summary>One reason an import file was rejected: the physical line (the header is line 1), the column and what is wrong.</summary>
public sealed record ImportError(int Line, string Column, string Reason)
{
    public override string ToString() => $"line {Line}, column {Column}: {Reason}";
}
