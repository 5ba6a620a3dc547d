namespace DeepDive.Engine.Cycles;

/// <summary>One problem in a cycle file: where (a JSON path such as <c>$.schedule.cron</c>) and why.</summary>
public sealed record CycleFileError(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}
