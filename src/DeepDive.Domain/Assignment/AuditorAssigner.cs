using DeepDive.Domain.Auditors;

namespace DeepDive.Domain.Assignment;

/// <summary>
/// Assigns auditors to tasks: as many tasks as possible, and among those assignments the one whose busiest
/// auditor (counting work already taken this month) is as lightly loaded as possible. An auditor only takes a
/// task they are eligible for (<see cref="Eligibility"/>: skills, no conflict of interest, monthly capacity).
/// It is a maximum bipartite matching with per-auditor capacities, searched over the load ceiling; ties go
/// to the lighter-loaded auditor, then the auditor id, so the same inputs give the same assignment.
/// </summary>
public static class AuditorAssigner
{
    public static AssignmentResult Assign(
        IReadOnlyList<AuditTaskNeed> tasks,
        IReadOnlyList<Auditor> auditors,
        IReadOnlyDictionary<string, int> loadThisMonth,
        IReadOnlyList<DeclaredConflict>? declared = null)
    {
        var conflicts = new ConflictRules(auditors, declared);
        var pool = auditors.OrderBy(a => loadThisMonth.GetValueOrDefault(a.AuditorId)).ThenBy(a => a.AuditorId, StringComparer.Ordinal).ToList();
        var existing = pool.Select(a => loadThisMonth.GetValueOrDefault(a.AuditorId)).ToArray();
        var eligible = new int[tasks.Count][];
        for (var t = 0; t < tasks.Count; t++)
        {
            var task = tasks[t];
            eligible[t] = Enumerable.Range(0, pool.Count).Where(a => Eligibility.Exclusion(pool[a], task, existing[a], conflicts) is null).ToArray();
        }

        var matcher = new CapacityMatcher(pool.Select(a => a.MonthlyCapacity).ToArray(), existing, eligible);
        var ceiling = pool.Count == 0 ? 0 : pool.Max(a => a.MonthlyCapacity);
        var best = matcher.Match(ceiling);
        var most = Assigned(best);
        // The lowest ceiling on any auditor's monthly load that still assigns as many tasks.
        var low = existing.DefaultIfEmpty(0).Min();
        var high = ceiling;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (Assigned(matcher.Match(middle)) == most)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        if (low != ceiling)
        {
            best = matcher.Match(low);
        }

        var byTask = new Dictionary<string, string>();
        for (var t = 0; t < tasks.Count; t++)
        {
            if (best[t] >= 0)
            {
                byTask[tasks[t].TaskId] = pool[best[t]].AuditorId;
            }
        }

        var unassigned = new Dictionary<string, UnassignedTask>();
        if (byTask.Count < tasks.Count)
        {
            var explainer = new UnassignedExplainer(tasks, pool, existing, best, conflicts);
            for (var t = 0; t < tasks.Count; t++)
            {
                if (best[t] < 0)
                {
                    unassigned[tasks[t].TaskId] = explainer.Explain(t);
                }
            }
        }

        return new AssignmentResult(byTask, unassigned);
    }

    private static int Assigned(int[] assignment) => assignment.Count(a => a >= 0);
}
