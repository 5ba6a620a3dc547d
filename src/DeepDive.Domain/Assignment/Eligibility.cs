using DeepDive.Domain.Auditors;

namespace DeepDive.Domain.Assignment;

/// <summary>
/// Whether an auditor may take a task before the round's own work is shared out, checked in this order: skills
/// (the agency's audit needs an auditor of that agency or with its skill, plus every skill the cycle requires),
/// conflicts of interest, then monthly capacity already used.
/// </summary>
public static class Eligibility
{
    /// <returns>The rule that keeps the auditor off the task and why, or null when they may take it.</returns>
    public static (ExclusionRule Rule, string Reason)? Exclusion(Auditor auditor, AuditTaskNeed task, int usedThisMonth, ConflictRules conflicts)
    {
        if (!auditor.CanAuditFor(task.Agency))
        {
            return (ExclusionRule.MissingSkill, $"not in {task.Agency} and no '{task.Agency}' skill");
        }

        foreach (var skill in task.Skills)
        {
            if (!auditor.HasSkill(skill))
            {
                return (ExclusionRule.MissingSkill, $"lacks the skill '{skill}' this cycle requires");
            }
        }

        if (conflicts.Check(auditor, task) is { } conflict)
        {
            return (ExclusionRule.Conflict, conflict);
        }

        if (usedThisMonth >= auditor.MonthlyCapacity)
        {
            return (ExclusionRule.AtCapacity, $"already at capacity: {usedThisMonth} of {auditor.MonthlyCapacity} this month");
        }

        return null;
    }
}
