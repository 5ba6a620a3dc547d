namespace DeepDive.Domain.Assignment;

/// <summary>One single-agency audit of one case that needs an auditor.</summary>
public sealed record AuditTaskNeed(string TaskId, string CaseRef, string Agency, string CaseTeam, string CaseWorker);

public sealed record AssignmentResult(
    IReadOnlyDictionary<string, string> AuditorByTask,
    IReadOnlyDictionary<string, string> UnassignedReasons);
