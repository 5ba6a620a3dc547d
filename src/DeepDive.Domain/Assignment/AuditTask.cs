namespace DeepDive.Domain.Assignment;

/// <summary>One single-agency audit of one case that needs an auditor.</summary>
public sealed record AuditTaskNeed(string TaskId, string CaseRef, string Agency, string CaseTeam, string CaseWorker)
{
    /// <summary>Auditors who may not take this task, each with the reason (e.g. the original auditor of a re-audit).</summary>
    public IReadOnlyDictionary<string, string> Excluded { get; init; } = new Dictionary<string, string>();
}

public sealed record AssignmentResult(
    IReadOnlyDictionary<string, string> AuditorByTask,
    IReadOnlyDictionary<string, string> UnassignedReasons);
