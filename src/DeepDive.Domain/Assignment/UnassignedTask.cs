namespace DeepDive.Domain.Assignment;

/// <summary>The rule that kept an auditor from a task, in the order they are checked.</summary>
public enum ExclusionRule
{
    /// <summary>Not of the task's agency and without its skill, or without a skill the cycle requires.</summary>
    MissingSkill,

    /// <summary>A conflict of interest.</summary>
    Conflict,

    /// <summary>Already at their monthly capacity before this round.</summary>
    AtCapacity,

    /// <summary>Eligible, but this round's other tasks took the rest of their monthly capacity.</summary>
    CapacityUsedByRound,
}

/// <summary>One auditor who could not take a task, and why.</summary>
/// <param name="TakenTasks">For <see cref="ExclusionRule.CapacityUsedByRound"/>: this round's tasks they were given.</param>
public sealed record CandidateExclusion(string AuditorId, string AuditorName, ExclusionRule Rule, string Reason, IReadOnlyList<string> TakenTasks)
{
    /// <summary>The rule as stored and shown: missing-skill, conflict, at-capacity, capacity-used-by-round.</summary>
    public string RuleName => Names[(int)Rule];

    public static readonly IReadOnlyList<string> Names = ["missing-skill", "conflict", "at-capacity", "capacity-used-by-round"];
}

/// <summary>
/// A task no auditor could take: a one-line summary for a manager, every auditor in the pool with the rule that
/// kept them off it, and who could take it if they had more capacity.
/// </summary>
public sealed record UnassignedTask(
    string TaskId, string CaseRef, string Agency, string Summary, IReadOnlyList<CandidateExclusion> Candidates, IReadOnlyList<string> CouldTakeIt);
