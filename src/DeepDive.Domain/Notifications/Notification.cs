namespace DeepDive.Domain.Notifications;

/// <summary>
/// A message to one person about one thing: a reminder before a task's deadline, an escalation after it, a
/// rapid-audit notice. <see cref="DedupKey"/> names the occasion (e.g. task T, reminder 5 working days before), so
/// the same occasion never sends twice however often it is noticed.
/// </summary>
public sealed record Notification(
    string DedupKey,
    string Kind,
    string Recipient,
    string RecipientAddress,
    string Subject,
    string Body,
    string? TaskId = null,
    CalendarEntry? Entry = null);

/// <summary>The deadline or event a notification is about, sent with it as an iCalendar (.ics) attachment.</summary>
public sealed record CalendarEntry(string Uid, string Summary, DateTime StartUtc, TimeSpan Duration, string? Description = null);

public static class NotificationKinds
{
    public const string Reminder = "reminder";
    public const string Escalation = "escalation";
    public const string RapidAudit = "rapid-audit";

    /// <summary>The monthly request to an action's owner for an update.</summary>
    public const string ActionUpdate = "action-update";

    /// <summary>An overdue action, escalated to the business manager.</summary>
    public const string ActionEscalation = "action-escalation";
}
