namespace DeepDive.Engine.Simulation;

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
    int ReAuditsScheduled,
    IReadOnlyDictionary<string, int> ReAuditOutcomes,
    int LearningBriefs,
    int SchoolFeedback,
    int SchoolsInRegister,
    int Reminders,
    int Escalations,
    TimeSpan Elapsed);
