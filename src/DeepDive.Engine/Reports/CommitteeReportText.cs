using DeepDive.Domain.Actions;

namespace DeepDive.Engine.Reports;

/// <summary>
/// The committee report's words for its figures, shared by the HTML file and the web page so that both say the same:
/// "3 (2 scheduled, 1 re-audit)", "4 of 40 tasks due in the period (...)", "212 days (about 7 months)".
/// </summary>
public static class CommitteeReportText
{
    /// <summary>The case reviews' actions at the period's end, as one sentence; "None" without a review.</summary>
    public static string ReviewActions(CommitteeReport report) => report.Reviews.Count == 0
        ? "None"
        : RagCounts.Of(report.Reviews.SelectMany(r => r.Actions).Select(a => a.Status)).Sentence();

    /// <summary>The audit rounds' confirmed actions at the period's end, as one sentence; "None" without one.</summary>
    public static string RoundActions(CommitteeReport report) => report.Rounds.Count == 0
        ? "None"
        : RagCounts.Of(report.Rounds.SelectMany(r => r.Actions).Select(a => a.Status)).Sentence();

    public static string ProposedActions(int count) => $"{UkFormat.Number(count)} (not counted until confirmed)";

    public static string RoundsCompleted(AuditProgramme programme) => programme.RoundsCompleted == 0
        ? "None"
        : $"{UkFormat.Number(programme.RoundsCompleted)} ({UkFormat.Number(programme.ScheduledRoundsCompleted)} scheduled, {UkFormat.Number(programme.ReAuditRoundsCompleted)} re-audit)";

    public static string LateTasks(AuditProgramme programme) => programme.TasksDue == 0
        ? "No task was due in the period"
        : $"{UkFormat.Number(programme.TasksLate)} of {UkFormat.Number(programme.TasksDue)} tasks due in the period ({UkFormat.Number(programme.TasksSubmittedLate)} in after the deadline, {UkFormat.Number(programme.TasksOutstanding)} still outstanding at its end)";

    public static string FiringIssues(AuditProgramme programme) =>
        programme.FiringIssues.Count == 0 ? "None" : UkFormat.Number(programme.FiringIssues.Count);

    public static string FiringIssue(FiringIssue firing) =>
        firing.Kind == "failed" ? $"Failed: {firing.Detail}" : firing.Detail.Length > 0 ? $"Opened late: {firing.Detail}" : "Opened late";

    public static string RoundKind(RoundCompleted round) => round.Kind == "re-audit" ? "Re-audit" : "Scheduled";

    public static string ReviewStatus(ReviewSection review) => review.StatusReason is null ? review.Status : $"{review.Status}: {review.StatusReason}";

    public static string SignOff(ReviewSection review) => review.SignedOffOn is { } on
        ? $"{UkFormat.Date(on)}{(review.SignedOffBy is null ? "" : $", by {review.SignedOffBy}")}"
        : "Not yet signed off";

    public static string IncidentToPublication(ReviewSection review) => review.DaysToPublication is { } days
        ? days < 60 ? $"{UkFormat.Number(days)} days" : $"{UkFormat.Number(days)} days (about {(int)Math.Round(days / 30.44)} months)"
        : "Not known until both dates are recorded";

    public static string RoundClosed(RoundActionsSection round) => round.ClosedOn is { } closed ? $"Closed on {UkFormat.Date(closed)}." : "Not yet closed.";

    /// <summary>Who gave an action its latest status: "Set automatically" or "By Pat Lead".</summary>
    public static string UpdatedBy(LatestUpdate update) => update.Automatic ? "Set automatically" : $"By {update.By}";

    /// <summary>The evidence an action's status rests on: its latest update's, else the action's own.</summary>
    public static string? Evidence(ActionLine action) => action.LatestUpdate.Evidence ?? action.Evidence;

    public static string Period(CommitteeReport report) => $"{report.Period.Label}{(report.Published ? " (published version)" : "")}";
}
