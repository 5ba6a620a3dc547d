using DeepDive.Domain.Auditors;

namespace DeepDive.Domain.Assignment;

/// <summary>Why an auditor may not audit a case, or null when they may.</summary>
public static class ConflictRules
{
    public static string? Conflict(Auditor auditor, AuditTaskNeed task)
    {
        if (string.Equals(auditor.AuditorId, task.CaseWorker, StringComparison.OrdinalIgnoreCase))
        {
            return "worked on the case";
        }

        if (string.Equals(auditor.Team, task.CaseTeam, StringComparison.OrdinalIgnoreCase))
        {
            return "same team as the case";
        }

        return task.Excluded.TryGetValue(auditor.AuditorId, out var reason) ? reason : null;
    }
}
