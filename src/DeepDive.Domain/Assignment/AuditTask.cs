namespace DeepDive.Domain.Assignment;

/// <summary>One single-agency audit of one case that needs an auditor.</summary>
/// <param name="RequiredSkills">Skills the auditor must hold besides the agency's own (the cycle's required skills); none when empty.</param>
public sealed record AuditTaskNeed(
    string TaskId, string CaseRef, string Agency, string CaseTeam, string CaseWorker, IReadOnlyList<string>? RequiredSkills = null)
{
    public IReadOnlyList<string> Skills => RequiredSkills ?? [];

    /// <summary>Auditors who may not take this task, each with the reason (e.g. the original auditor of a re-audit).</summary>
    public IReadOnlyDictionary<string, string> Excluded { get; init; } = new Dictionary<string, string>();
}

/// <summary>Who takes each task; and for each task no one could take, why.</summary>
public sealed record AssignmentResult(
    IReadOnlyDictionary<string, string> AuditorByTask,
    IReadOnlyDictionary<string, UnassignedTask> Unassigned);
