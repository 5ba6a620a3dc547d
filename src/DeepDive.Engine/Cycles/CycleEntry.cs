using DeepDive.Domain.Cycles;

namespace DeepDive.Engine.Cycles;

/// <summary>A stored cycle: its definition and where it is in its life (<see cref="CycleStatus"/>).</summary>
public sealed record CycleEntry(CycleDefinition Definition, string Status, DateTime? PausedUtc, DateTime? RetiredUtc, DateTime CreatedUtc, DateTime UpdatedUtc);
