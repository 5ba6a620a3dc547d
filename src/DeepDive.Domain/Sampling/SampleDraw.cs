namespace DeepDive.Domain.Sampling;

/// <summary>The result of a draw: the sample in order, then the ordered reserve list.</summary>
public sealed record SampleDraw(
    string Algorithm,
    long Seed,
    int PopulationCount,
    string PopulationHash,
    IReadOnlyList<string> Selected,
    IReadOnlyList<string> Reserves);
