using DeepDive.Domain.Auditors;

namespace DeepDive.Domain.Assignment;

/// <summary>
/// Gives each task an auditor from the task's agency with no conflict of interest and capacity left,
/// the least loaded first; ties go to the auditor id so the result is repeatable.
/// </summary>
public static class AuditorAssigner
{
    public static AssignmentResult Assign(
        IReadOnlyList<AuditTaskNeed> tasks,
        IReadOnlyList<Auditor> auditors,
        IReadOnlyDictionary<string, int> loadThisMonth)
    {
        var load = auditors.ToDictionary(a => a.AuditorId, a => loadThisMonth.GetValueOrDefault(a.AuditorId));
        var byTask = new Dictionary<string, string>();
        var unassigned = new Dictionary<string, string>();

        foreach (var task in tasks)
        {
            var sameAgency = auditors.Where(a => string.Equals(a.Agency, task.Agency, StringComparison.OrdinalIgnoreCase)).ToList();
            if (sameAgency.Count == 0)
            {
                unassigned[task.TaskId] = $"no auditor belongs to agency '{task.Agency}'";
                continue;
            }

            var reasons = new List<string>();
            Auditor? chosen = null;
            foreach (var auditor in sameAgency.OrderBy(a => load[a.AuditorId]).ThenBy(a => a.AuditorId, StringComparer.Ordinal))
            {
                var conflict = ConflictRules.Conflict(auditor, task);
                if (conflict is not null)
                {
                    reasons.Add($"{auditor.AuditorId}: {conflict}");
                    continue;
                }

                if (load[auditor.AuditorId] >= auditor.MonthlyCapacity)
                {
                    reasons.Add($"{auditor.AuditorId}: at capacity ({auditor.MonthlyCapacity} a month)");
                    continue;
                }

                chosen = auditor;
                break;
            }

            if (chosen is null)
            {
                unassigned[task.TaskId] = "no eligible auditor is free: " + string.Join("; ", reasons);
                continue;
            }

            byTask[task.TaskId] = chosen.AuditorId;
            load[chosen.AuditorId]++;
        }

        return new AssignmentResult(byTask, unassigned);
    }
}
