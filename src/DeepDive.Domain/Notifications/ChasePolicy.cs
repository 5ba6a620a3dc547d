namespace DeepDive.Domain.Notifications;

/// <summary>
/// How a cycle chases its tasks: reminders a number of working days before the deadline, escalations a number of
/// working days after it (to the auditor's line manager and the business team), each sent at <see cref="SendAt"/>
/// local time on a working day.
/// </summary>
public sealed record ChasePolicy
{
    public IReadOnlyList<int> RemindBeforeWorkingDays { get; init; } = [5, 1];
    public IReadOnlyList<int> EscalateAfterWorkingDays { get; init; } = [1];
    public string SendAt { get; init; } = "08:00";
}

/// <summary>One time a task is chased: a reminder or an escalation, so many working days from the deadline, and when it goes.</summary>
public sealed record ChaseOccasion(string Kind, int WorkingDays, DateTimeOffset SendAt)
{
    /// <summary>Names the occasion for one task, so it is sent once however often it is noticed.</summary>
    public string KeyFor(string taskId) => $"task:{taskId}:{Kind}:{WorkingDays}";
}
