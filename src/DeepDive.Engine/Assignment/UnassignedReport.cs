using System.Text;

namespace DeepDive.Engine.Assignment;

/// <summary>Unassigned tasks as plain text for a manager: the summary first, then the auditors grouped by what kept them off.</summary>
public static class UnassignedReport
{
    private const int NamesShown = 12;

    private static readonly (string Rule, string Heading)[] Groups =
    [
        ("capacity-used-by-round", "Capacity used by other tasks in this round"),
        ("at-capacity", "Already at capacity this month"),
        ("conflict", "Conflict of interest"),
        ("missing-skill", "Missing skill"),
    ];

    public static string Render(string roundId, IReadOnlyList<StoredExplanation> unassigned)
    {
        var text = new StringBuilder();
        if (unassigned.Count == 0)
        {
            text.AppendLine($"Every task of round {roundId} has an auditor.");
            return text.ToString();
        }

        text.AppendLine($"{unassigned.Count} task(s) of round {roundId} have no auditor.");
        foreach (var task in unassigned)
        {
            text.AppendLine();
            text.AppendLine($"{task.TaskId}  (case {task.CaseRef}, {task.Agency} audit)");
            text.AppendLine($"  {task.Summary}");
            foreach (var (rule, heading) in Groups)
            {
                var group = task.Candidates.Where(c => c.Rule == rule).ToList();
                if (group.Count == 0)
                {
                    continue;
                }

                text.AppendLine($"  {heading} ({group.Count}):");
                if (rule == "missing-skill")
                {
                    // Usually most of the pool: one line per reason, with the ids, rather than a line per auditor.
                    foreach (var reason in group.GroupBy(c => c.Reason))
                    {
                        var ids = reason.Select(c => c.AuditorId).ToList();
                        var shown = string.Join(", ", ids.Take(NamesShown)) + (ids.Count > NamesShown ? $" and {ids.Count - NamesShown} more" : "");
                        text.AppendLine($"    {reason.Key}: {shown}");
                    }

                    continue;
                }

                foreach (var c in group)
                {
                    text.AppendLine($"    {c.AuditorId} ({c.Name}): {c.Reason}");
                }
            }
        }

        return text.ToString();
    }
}
