using DeepDive.Domain.Auditors;

namespace DeepDive.Domain.Assignment;

/// <summary>
/// Why an auditor may not audit a case, or null when they may. A conflict of interest is: they are the case's
/// worker; they line-manage the worker or the worker line-manages them (from the auditor register's manager
/// column, so a worker who is also in the register has a known manager); the case is their own team's; or they
/// declared a conflict with the case, its worker or its team.
/// </summary>
public sealed class ConflictRules
{
    private readonly Dictionary<string, string> managerOf = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<DeclaredConflict>> declaredBy = new(StringComparer.OrdinalIgnoreCase);

    public ConflictRules(IEnumerable<Auditor> register, IEnumerable<DeclaredConflict>? declared = null)
    {
        foreach (var a in register.Where(a => !string.IsNullOrWhiteSpace(a.Manager)))
        {
            managerOf[a.AuditorId] = a.Manager!;
        }

        foreach (var d in declared ?? [])
        {
            if (!declaredBy.TryGetValue(d.AuditorId, out var list))
            {
                declaredBy[d.AuditorId] = list = [];
            }

            list.Add(d);
        }
    }

    public string? Check(Auditor auditor, AuditTaskNeed task)
    {
        if (task.Excluded.TryGetValue(auditor.AuditorId, out var excluded))
        {
            return excluded;
        }

        if (Same(auditor.AuditorId, task.CaseWorker))
        {
            return "worked on the case (its allocated worker)";
        }

        if (auditor.Manager is { } manager && Same(manager, task.CaseWorker))
        {
            return $"is line-managed by the case's worker ({task.CaseWorker})";
        }

        if (managerOf.TryGetValue(task.CaseWorker, out var workersManager) && Same(workersManager, auditor.AuditorId))
        {
            return $"line-manages the case's worker ({task.CaseWorker})";
        }

        if (Same(auditor.Team, task.CaseTeam))
        {
            return $"same team as the case ({task.CaseTeam})";
        }

        if (declaredBy.TryGetValue(auditor.AuditorId, out var declared) && declared.FirstOrDefault(d => d.Covers(task)) is { } d)
        {
            return $"declared a conflict with {DeclaredConflict.Name(d.Kind)} {d.Subject}: {d.Reason}";
        }

        return task.Excluded.TryGetValue(auditor.AuditorId, out var reason) ? reason : null;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
