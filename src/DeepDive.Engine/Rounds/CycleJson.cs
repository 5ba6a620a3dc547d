using System.Text.Json;
using DeepDive.Domain.Cycles;

namespace DeepDive.Engine.Rounds;

/// <summary>The copy of a cycle a round keeps, so later edits of the cycle never change a running round.</summary>
internal static class CycleJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(CycleDefinition cycle) => JsonSerializer.Serialize(cycle, Options);

    public static CycleDefinition Read(string json) =>
        JsonSerializer.Deserialize<CycleDefinition>(json, Options) ?? throw new InvalidOperationException("A stored cycle is empty.");
}
