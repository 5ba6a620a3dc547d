namespace DeepDive.Engine.FiringFailures;

/// <summary>
/// A firing whose round could not be opened: the cycle, the firing key the round would have (so a retry still opens
/// one round), when it was due and tried, how often, and why. <see cref="Status"/> is <see cref="Failed"/> until a
/// retry (or a later run of the same firing) opens the round, then <see cref="Opened"/>.
/// </summary>
public sealed class FailedFiring
{
    public const string Failed = "failed";
    public const string Opened = "opened";

    public string PartnershipId { get; set; } = "";
    public string FiringKey { get; set; } = "";
    public string CycleId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? SourceRoundId { get; set; }
    public DateTime ScheduledForUtc { get; set; }
    public DateTime FirstTriedUtc { get; set; }
    public DateTime LastTriedUtc { get; set; }
    public int Attempts { get; set; }
    public int Transient { get; set; }
    public string Reason { get; set; } = "";
    public string Status { get; set; } = "";
    public string? RoundId { get; set; }
    public DateTime? ResolvedUtc { get; set; }
    public string? ResolvedBy { get; set; }

    public bool IsOpen => Status == Failed;
}

/// <summary>What a firing is about: enough to record its failure and to open its round again later.</summary>
/// <param name="Kind">A round kind: scheduled, or re-audit (then <paramref name="SourceRoundId"/> is the round re-audited).</param>
public sealed record FiringSubject(string PartnershipId, string CycleId, string FiringKey, string Kind, string? SourceRoundId, DateTime ScheduledForUtc);
