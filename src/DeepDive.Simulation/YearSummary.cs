namespace DeepDive.Simulation;

/// <summary>What a year of the programme produced; every figure says exactly what it counts.</summary>
public sealed record YearSummary(
    int ScheduledRounds,
    int ReAuditRounds,
    int RoundsStillOpen,
    int CasesSampled,
    int TasksCompleted,
    int TasksLate,
    int TasksOpen,
    IReadOnlyDictionary<string, int> Grades,
    int FindingsNeedingWork,
    YearSummary.ReAuditCount ReAudits,
    IReadOnlyDictionary<string, int> ReAuditOutcomes,
    YearSummary.ReviewCount Reviews,
    int LearningBriefs,
    int SchoolFeedbackWritten,
    int SchoolsInRegister,
    YearSummary.OutboxCount Reminders,
    YearSummary.OutboxCount Escalations,
    TimeSpan Elapsed,
    int FailedFirings = 0)
{
    /// <summary>Re-audits put on the calendar (whether or not their date came within the year), and those the cycle's rule skipped.</summary>
    public sealed record ReAuditCount(int Scheduled, int Skipped);

    /// <summary>Draws a manager reviewed and locked, and how many of them the manager changed (a case replaced or added).</summary>
    public sealed record ReviewCount(int Reviewed, int Changed);

    /// <summary>Notifications of one kind in the outbox: delivered, still waiting to go, or given up after every retry.</summary>
    public sealed record OutboxCount(int Sent, int Queued, int Failed);
}
