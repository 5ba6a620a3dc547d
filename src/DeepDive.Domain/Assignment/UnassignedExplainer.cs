using DeepDive.Domain.Auditors;

namespace DeepDive.Domain.Assignment;

/// <summary>
/// Says why a task has no auditor, in words a manager can act on: every auditor in the pool with the rule that
/// kept them off it, and who could take it if they had more capacity this month.
/// </summary>
internal sealed class UnassignedExplainer(
    IReadOnlyList<AuditTaskNeed> tasks, IReadOnlyList<Auditor> pool, int[] existing, int[] assignment, ConflictRules conflicts)
{
    private readonly List<int>[] taken = Taken(pool.Count, assignment);

    public UnassignedTask Explain(int t)
    {
        var task = tasks[t];
        var candidates = new List<CandidateExclusion>(pool.Count);
        for (var a = 0; a < pool.Count; a++)
        {
            var auditor = pool[a];
            if (Eligibility.Exclusion(auditor, task, existing[a], conflicts) is { } exclusion)
            {
                candidates.Add(new CandidateExclusion(auditor.AuditorId, auditor.Name, exclusion.Rule, exclusion.Reason, []));
                continue;
            }

            // Eligible, yet the task went unplaced: a maximum assignment fills every eligible auditor to capacity.
            var theirs = taken[a].Select(i => tasks[i].TaskId).ToList();
            candidates.Add(new CandidateExclusion(auditor.AuditorId, auditor.Name, ExclusionRule.CapacityUsedByRound,
                $"capacity used by other tasks in this round: {existing[a] + theirs.Count} of {auditor.MonthlyCapacity} this month, {theirs.Count} of them this round's ({string.Join(", ", theirs)})",
                theirs));
        }

        candidates.Sort((x, y) => x.Rule != y.Rule ? y.Rule.CompareTo(x.Rule) : StringComparer.Ordinal.Compare(x.AuditorId, y.AuditorId));
        var couldTakeIt = candidates.Where(c => c.Rule is ExclusionRule.CapacityUsedByRound or ExclusionRule.AtCapacity).Select(c => c.AuditorId).ToList();
        var forAgency = pool.Count(a => a.CanAuditFor(task.Agency));
        return new UnassignedTask(task.TaskId, task.CaseRef, task.Agency, Summary(task, forAgency, candidates, couldTakeIt), candidates, couldTakeIt);
    }

    private static string Summary(AuditTaskNeed task, int forAgency, List<CandidateExclusion> candidates, List<string> couldTakeIt)
    {
        if (candidates.Count == 0)
        {
            return "No auditors are registered.";
        }

        var skilled = candidates.Where(c => c.Rule != ExclusionRule.MissingSkill).ToList();
        if (forAgency == 0)
        {
            return $"No auditor belongs to {task.Agency} or has the '{task.Agency}' skill.";
        }

        if (skilled.Count == 0)
        {
            return $"None of the {forAgency} auditor(s) who can audit for {task.Agency} has every skill this cycle requires ({string.Join(", ", task.Skills)}).";
        }

        var parts = new List<string>();
        void Part(ExclusionRule rule, string one, string many)
        {
            var n = skilled.Count(c => c.Rule == rule);
            if (n > 0)
            {
                parts.Add($"{n} {(n == 1 ? one : many)}");
            }
        }

        Part(ExclusionRule.Conflict, "has a conflict of interest", "have a conflict of interest");
        Part(ExclusionRule.AtCapacity, "was already at capacity this month", "were already at capacity this month");
        Part(ExclusionRule.CapacityUsedByRound, "had the rest of their capacity taken by this round's other tasks", "had the rest of their capacity taken by this round's other tasks");
        var summary = $"No eligible auditor is free: of the {skilled.Count} auditor(s) with the skills for it, {string.Join(", ", parts)}.";
        return couldTakeIt.Count == 0 ? summary : $"{summary} With more capacity this month it could go to: {string.Join(", ", couldTakeIt)}.";
    }

    private static List<int>[] Taken(int auditors, int[] assignment)
    {
        var taken = new List<int>[auditors];
        for (var a = 0; a < auditors; a++)
        {
            taken[a] = [];
        }

        for (var t = 0; t < assignment.Length; t++)
        {
            if (assignment[t] >= 0)
            {
                taken[assignment[t]].Add(t);
            }
        }

        return taken;
    }
}
