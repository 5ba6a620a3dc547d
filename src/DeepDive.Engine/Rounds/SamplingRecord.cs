using System.Text.Json;
using DeepDive.Domain.Cycles;
using DeepDive.Domain.Sampling;

namespace DeepDive.Engine.Rounds;

/// <summary>How a round's sample was drawn, kept with the round so anyone can see and repeat it.</summary>
public sealed record SamplingRecord(
    string Method,
    string? StratifyBy,
    string Algorithm,
    long Seed,
    DateTime AsAtUtc,
    PopulationFilter Filter,
    int PopulationCount,
    string PopulationHash,
    IReadOnlyList<Exclusion> Exclusions,
    IReadOnlyList<StratumResult> Strata)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The cases the filter matched before any exclusion (0 in records written before it was kept).</summary>
    public int MatchedCount { get; init; }

    /// <summary>auto or manager: whether a manager reviews and locks the draw.</summary>
    public string Lock { get; init; } = SampleDesign.AutoLock;

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SamplingRecord? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<SamplingRecord>(json, Json);
}

/// <summary>One reason cases were left out before drawing, and how many (each case counted under the first reason that applies).</summary>
public sealed record Exclusion(string Rule, int Count);
