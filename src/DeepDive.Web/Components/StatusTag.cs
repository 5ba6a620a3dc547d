namespace DeepDive.Web.Components;

/// <summary>The GOV.UK tag colour for a status, so the same status looks the same on every page.</summary>
public static class StatusTag
{
    public static string Class(string status) => "govuk-tag " + status.ToLowerInvariant() switch
    {
        "open" or "assigned" or "in progress" or "active" or "waiting" or "drawn" => "govuk-tag--blue",
        "submitted" or "complete" or "completed" or "closed" or "delivered" or "green" or "locked" or "opened" => "govuk-tag--green",
        "overdue" or "late" or "failed" or "red" or "inadequate" => "govuk-tag--red",
        "due soon" or "amber" or "requires improvement" or "pending" or "paused" or "under review" or "retrying" => "govuk-tag--yellow",
        "draft" or "unassigned" or "retired" or "not started" => "govuk-tag--grey",
        "blue" or "outstanding" => "govuk-tag--purple",
        "good" => "govuk-tag--turquoise",
        _ => "govuk-tag--grey",
    };

    /// <summary>A status as words a person reads: first letter capital, dashes as spaces.</summary>
    public static string Text(string status) =>
        status.Length == 0 ? status : char.ToUpperInvariant(status[0]) + status[1..].Replace('-', ' ').Replace('_', ' ');
}
