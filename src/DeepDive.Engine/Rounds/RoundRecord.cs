using DeepDive.Domain.Cycles;

namespace DeepDive.Engine.Rounds;

public sealed record RoundRecord(
    string PartnershipId,
    string RoundId,
    string CycleId,
    string Kind,
    DateTime ScheduledForUtc,
    DateTime StartedUtc,
    long Seed,
    CycleDefinition Cycle,
    string? ParentRoundId);
