using DeepDive.Engine.Workflows.Persistence;

namespace DeepDive.Engine.Workflows.Data;

/// <summary>The state of one round (scheduled or re-audit) as its workflow carries it.</summary>
public sealed class AuditRoundData : ITenantData
{
    public string PartnershipId { get; set; } = "";
    public string RoundId { get; set; } = "";
    public string CycleId { get; set; } = "";

    /// <summary>"scheduled", "rapid" or "re-audit".</summary>
    public string Kind { get; set; } = RoundKinds.Scheduled;

    public List<string> Cases { get; set; } = [];
    public List<DeepDivePlan> Plans { get; set; } = [];
    public List<string> DeepDiveIds { get; set; } = [];
    public int NeedsWorkCount { get; set; }
}

public static class RoundKinds
{
    public const string Scheduled = "scheduled";
    public const string ReAudit = "re-audit";

    /// <summary>A round run now by hand with a short deadline (e.g. before a joint targeted area inspection).</summary>
    public const string Rapid = "rapid";
}

public sealed class DeepDivePlan
{
    public string DeepDiveId { get; set; } = "";
    public string CaseRef { get; set; } = "";
    public string? FirstDeepDiveId { get; set; }
    public List<TaskRef> Tasks { get; set; } = [];
}

public sealed class TaskRef
{
    public string TaskId { get; set; } = "";
    public string Agency { get; set; } = "";
    public string? AuditorId { get; set; }
    public string? UnassignedReason { get; set; }
    public string? Grade { get; set; }
}
