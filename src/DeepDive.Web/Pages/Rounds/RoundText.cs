using DeepDive.Domain.Assignment;
using DeepDive.Domain.Rounds;
using DeepDive.Engine.Rounds;
using DeepDive.Web.Components;

namespace DeepDive.Web.Pages.Rounds;

/// <summary>The one-line message a round's page shows after a change (kept for one request).</summary>
public static class RoundMessages
{
    public const string Key = "round-message";
}

/// <summary>A round's states, lists and changes in words.</summary>
public static class RoundText
{
    /// <summary>Tasks due within this many days are "due soon".</summary>
    public static readonly TimeSpan DueSoon = TimeSpan.FromDays(5);

    public static string Status(string status) => status switch
    {
        RoundStatus.Drawing => "Drawing the sample",
        RoundStatus.AwaitingReview => "Awaiting review",
        RoundStatus.SampleLocked => "Sample locked",
        RoundStatus.InProgress => "In progress",
        RoundStatus.Closed => "Closed",
        _ => StatusTag.Text(status),
    };

    /// <summary>The tag class of a round status (awaiting review stands out: a manager must act).</summary>
    public static string StatusClass(string status) => status switch
    {
        RoundStatus.AwaitingReview => "govuk-tag govuk-tag--yellow",
        RoundStatus.SampleLocked => "govuk-tag govuk-tag--turquoise",
        RoundStatus.InProgress => "govuk-tag govuk-tag--blue",
        RoundStatus.Closed => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string Kind(string kind) => kind switch
    {
        "scheduled" => "Scheduled",
        "re-audit" => "Re-audit",
        "rapid" => "Rapid audit",
        _ => StatusTag.Text(kind),
    };

    /// <summary>A task's state as its manager reads it now: submitted (on time or late), unassigned, overdue, due soon or open.</summary>
    public static string TaskState(RoundTasksQuery.Entry task, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Status switch
        {
            AuditTaskStatus.Submitted => task.Late != 0 ? "Submitted late" : "Submitted",
            AuditTaskStatus.Unassigned => "Unassigned",
            _ when task.DueUtc <= nowUtc => "Overdue",
            _ when task.DueUtc - nowUtc <= DueSoon => "Due soon",
            _ => "Open",
        };
    }

    public static string TaskStateClass(string state) => state switch
    {
        "Submitted" => "govuk-tag govuk-tag--green",
        "Submitted late" => "govuk-tag govuk-tag--orange",
        "Unassigned" => "govuk-tag govuk-tag--grey",
        "Overdue" => "govuk-tag govuk-tag--red",
        "Due soon" => "govuk-tag govuk-tag--yellow",
        _ => "govuk-tag govuk-tag--blue",
    };

    /// <summary>Why an auditor could not take a task, by the rule's name.</summary>
    public static string Rule(string rule) => rule switch
    {
        "missing-skill" => "Missing skill",
        "conflict" => "Conflict of interest",
        "at-capacity" => "At capacity this month",
        "capacity-used-by-round" => "Capacity used by this round's other tasks",
        _ => StatusTag.Text(rule),
    };

    public static string ListTitle(string list) => list switch
    {
        SampleList.Sample => "The sample",
        SampleList.Reserve => "Reserve list, in order, not yet used",
        SampleList.Replaced => "Replaced cases",
        "re-audit" => "Cases re-audited",
        _ => StatusTag.Text(list),
    };

    public static string ListId(string list) => list + "-list";

    /// <summary>A note the engine wrote in lower case, as a sentence.</summary>
    public static string Sentence(string? text) => string.IsNullOrEmpty(text) ? "" : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>How a sample was drawn, from its sampling record.</summary>
    public static string Method(string method, string? stratifyBy) => method switch
    {
        "stratified" => $"Stratified sample, by {(stratifyBy ?? "").Replace('-', ' ')}",
        "systematic" => "Systematic sample: a random start, then every so many cases",
        "simple" => "Simple random sample",
        _ => StatusTag.Text(method),
    };

    public static string Change(string action) => action switch
    {
        "lock" => "Locked",
        "replace" => "Replaced",
        "add" => "Added by hand",
        _ => StatusTag.Text(action),
    };

    /// <summary>How a case came into its list, with who changed it, when and why.</summary>
    public static string HowItCameIn(SampleReport.Entry entry, IReadOnlyList<SampleReport.Change> changes)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(changes);
        static string By(SampleReport.Change c) => $"({c.ChangedBy}, {UkTime.DateAndTime(c.ChangedUtc)})";
        if (entry.List == SampleList.Replaced && changes.FirstOrDefault(c => c.Action == "replace" && c.CaseRef == entry.CaseRef) is { } replaced)
        {
            return $"Replaced by {replaced.ReplacementRef}: {replaced.Reason} {By(replaced)}";
        }

        if (entry.Origin == SampleList.FromReserve && changes.FirstOrDefault(c => c.Action == "replace" && c.ReplacementRef == entry.CaseRef) is { } replacement)
        {
            return $"From the reserve list, in place of {replacement.CaseRef}: {replacement.Reason} {By(replacement)}";
        }

        if (entry.Origin == SampleList.HandAdded)
        {
            return changes.FirstOrDefault(c => c.Action == "add" && c.CaseRef == entry.CaseRef) is { } added
                ? $"Added by hand, not drawn: {added.Reason} {By(added)}"
                : "Added by hand, not drawn";
        }

        return entry.List == SampleList.Reserve ? "Drawn as a reserve" : "Drawn";
    }
}
