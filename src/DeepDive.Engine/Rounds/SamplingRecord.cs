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

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SamplingRecord? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<SamplingRecord>(json, Json);
}

public sealed record Exclusion(string Rule, int Count);
