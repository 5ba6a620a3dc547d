using DeepDive.Domain.Auditors;

namespace DeepDive.Domain.Assignment;

/// <summary>
/// Assigns auditors to tasks: as many tasks as possible, and among those assignments the one whose busiest
/// auditor (counting work already taken this month) is as lightly loaded as possible. An auditor only takes a
/// task of their own agency, with no conflict of interest, within their monthly capacity.
/// It is a maximum bipartite matching with per-auditor capacities, searched over the load ceiling; ties go
/// to the lighter-loaded auditor, then the auditor id, so the same inputs give the same assignment.
/// </summary>
public static class AuditorAssigner
{
    public static AssignmentResult Assign(
        IReadOnlyList<AuditTaskNeed> tasks,
        IReadOnlyList<Auditor> auditors,
        IReadOnlyDictionary<string, int> loadThisMonth)
    {
        var pool = auditors.OrderBy(a => loadThisMonth.GetValueOrDefault(a.AuditorId)).ThenBy(a => a.AuditorId, StringComparer.Ordinal).ToList();
        var existing = pool.Select(a => loadThisMonth.GetValueOrDefault(a.AuditorId)).ToArray();
        var eligible = new List<int>[tasks.Count];
        var reasons = new List<string>[tasks.Count];
        for (var t = 0; t < tasks.Count; t++)
        {
            (eligible[t], reasons[t]) = Candidates(tasks[t], pool, existing);
        }

        var ceiling = pool.Count == 0 ? 0 : pool.Max(a => a.MonthlyCapacity);
        var best = Match(tasks.Count, pool, existing, eligible, ceiling);
        var most = best.Count(a => a >= 0);
        // The lowest ceiling on any auditor's monthly load that still assigns as many tasks.
        var low = existing.DefaultIfEmpty(0).Min();
        var high = ceiling;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            var trial = Match(tasks.Count, pool, existing, eligible, middle);
            if (trial.Count(a => a >= 0) == most)
            {
                best = trial;
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        if (low != ceiling)
        {
            best = Match(tasks.Count, pool, existing, eligible, low);
        }

        var byTask = new Dictionary<string, string>();
        var unassigned = new Dictionary<string, string>();
        for (var t = 0; t < tasks.Count; t++)
        {
            if (best[t] >= 0)
            {
                byTask[tasks[t].TaskId] = pool[best[t]].AuditorId;
                continue;
            }

            var why = reasons[t].Concat(eligible[t].Select(a =>
                $"{pool[a].AuditorId}: at capacity ({pool[a].MonthlyCapacity} a month) with this round's other tasks"));
            unassigned[tasks[t].TaskId] = reasons[t].Count == 0 && eligible[t].Count == 0
                ? $"no auditor belongs to agency '{tasks[t].Agency}'"
                : "no eligible auditor is free: " + string.Join("; ", why);
        }

        return new AssignmentResult(byTask, unassigned);
    }

    private static (List<int> Eligible, List<string> Reasons) Candidates(AuditTaskNeed task, List<Auditor> pool, int[] existing)
    {
        var eligible = new List<int>();
        var reasons = new List<string>();
        for (var a = 0; a < pool.Count; a++)
        {
            var auditor = pool[a];
            if (!string.Equals(auditor.Agency, task.Agency, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (ConflictRules.Conflict(auditor, task) is { } conflict)
            {
                reasons.Add($"{auditor.AuditorId}: {conflict}");
            }
            else if (existing[a] >= auditor.MonthlyCapacity)
            {
                reasons.Add($"{auditor.AuditorId}: at capacity ({auditor.MonthlyCapacity} a month)");
            }
            else
            {
                eligible.Add(a);
            }
        }

        return (eligible, reasons);
    }

    /// <summary>A maximum matching of tasks to auditors whose monthly load stays within <paramref name="ceiling"/>.</summary>
    private static int[] Match(int taskCount, List<Auditor> pool, int[] existing, List<int>[] eligible, int ceiling)
    {
        var slots = pool.Select((a, i) => Math.Max(0, Math.Min(a.MonthlyCapacity, ceiling) - existing[i])).ToArray();
        var assigned = Enumerable.Repeat(-1, taskCount).ToArray();
        var holding = pool.Select(_ => new List<int>()).ToArray();
        for (var t = 0; t < taskCount; t++)
        {
            Augment(t, eligible, slots, assigned, holding, new bool[pool.Count]);
        }

        return assigned;
    }

    /// <summary>Finds room for task <paramref name="t"/>, moving already placed tasks to other auditors if that makes room.</summary>
    private static bool Augment(int t, List<int>[] eligible, int[] slots, int[] assigned, List<int>[] holding, bool[] seen)
    {
        foreach (var a in eligible[t].OrderBy(a => holding[a].Count))
        {
            if (seen[a])
            {
                continue;
            }

            seen[a] = true;
            if (holding[a].Count < slots[a])
            {
                assigned[t] = a;
                holding[a].Add(t);
                return true;
            }

            foreach (var other in holding[a].ToList())
            {
                if (Augment(other, eligible, slots, assigned, holding, seen))
                {
                    holding[a].Remove(other);
                    assigned[t] = a;
                    holding[a].Add(t);
                    return true;
                }
            }
        }

        return false;
    }
}
