namespace DeepDive.Domain.Actions;

/// <summary>A reason a change to an action is refused, against the field a person must correct.</summary>
public sealed record ActionProblem(string Field, string Message);

/// <summary>
/// What a status change must carry: completing (blue) needs evidence or a written justification; red and amber need a
/// comment saying why; an overdue action with no recovery plan is red (or complete), never amber or green.
/// </summary>
public static class StatusChangeRules
{
    public const string StatusField = "status";
    public const string CommentField = "comment";
    public const string EvidenceField = "evidence";

    public static IReadOnlyList<ActionProblem> Check(RagStatus to, string? comment, string? evidence, bool overdueWithoutRecoveryPlan)
    {
        var problems = new List<ActionProblem>();
        var hasComment = !string.IsNullOrWhiteSpace(comment);
        switch (to)
        {
            case RagStatus.Blue when !hasComment && string.IsNullOrWhiteSpace(evidence):
                problems.Add(new ActionProblem(EvidenceField,
                    "Enter the evidence that the action is complete, or a comment justifying closing it without evidence"));
                break;
            case RagStatus.Red or RagStatus.Amber when !hasComment:
                problems.Add(new ActionProblem(CommentField, $"Enter a comment saying why the action is {RagStatuses.Name(to)}"));
                break;
        }

        if (overdueWithoutRecoveryPlan && to is RagStatus.Amber or RagStatus.Green)
        {
            problems.Add(new ActionProblem(StatusField,
                $"The action is overdue with no recovery plan, so it is red: add a recovery plan or change its due date before rating it {RagStatuses.Name(to)}"));
        }

        return problems;
    }
}
