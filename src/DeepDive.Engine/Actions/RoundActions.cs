using DeepDive.Domain.Actions;

namespace DeepDive.Engine.Actions;

/// <summary>
/// Turns a closing round's recommendations (the free text of its auditors' answers) into proposed actions: one per
/// recommendation, owned by the agency whose task made it, due the cycle's number of months after the round closes, for
/// a manager to confirm or edit.
/// </summary>
public static class RoundActions
{
    public sealed record Proposal(PlanAction Action, string MatchKey, int Position);

    public static IReadOnlyList<Proposal> Propose(string roundId, IReadOnlyList<ActionStore.TaskRecommendations> tasks, DateTimeOffset closed, int dueAfterMonths)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var due = UkTime.DayOf(closed).AddMonths(dueAfterMonths);
        var now = closed.UtcDateTime;
        return tasks.SelectMany(task => task.Recommendations.Select((text, index) =>
        {
            var matchKey = ActionIds.RoundActionKey(task.TaskId, index);
            return new Proposal(new PlanAction
            {
                ActionId = ActionIds.Action(task.PartnershipId, matchKey),
                PartnershipId = task.PartnershipId,
                Source = ActionSource.AuditRound,
                State = ActionState.Proposed,
                RoundId = roundId,
                TaskId = task.TaskId,
                CaseRef = task.CaseRef,
                Description = text,
                OwnerAgency = task.Agency,
                DueOn = due,
                CreatedUtc = now,
                UpdatedUtc = now,
            }, matchKey, index);
        })).ToList();
    }
}
