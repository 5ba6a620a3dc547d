namespace DeepDive.Simulation;

/// <summary>What a manager sees before committing to a programme: the year's rounds, tasks, chasing and workload.</summary>
public sealed record ProgrammePreview(
    IReadOnlyList<ProgrammePreview.Round> Rounds,
    IReadOnlyList<ProgrammePreview.Month> Months,
    IReadOnlyList<ProgrammePreview.AuditorLoad> Workload)
{
    /// <summary>One round on the timeline, in UK local time. <see cref="Note"/> says why it moved or ran late, when it did.</summary>
    public sealed record Round(string RoundId, string CycleId, string Kind, DateTime ScheduledForLocal, DateTime StartedLocal, string? Note, int Cases, int Tasks, int TasksLate, string Status);

    /// <summary>One calendar month: tasks falling due and submitted late, reminders and escalations sent, re-audits due.</summary>
    public sealed record Month(DateOnly Start, int TasksOpened, int TasksDue, int TasksLate, int Reminders, int Escalations, int ReAuditsDue);

    /// <summary>Tasks an auditor was given in each month (index 0 is the first month of the preview), beside their monthly capacity.</summary>
    public sealed record AuditorLoad(string AuditorId, string Name, int MonthlyCapacity, IReadOnlyList<int> TasksPerMonth);
}
