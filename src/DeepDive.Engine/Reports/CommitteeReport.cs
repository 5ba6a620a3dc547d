using System.Text.Json.Serialization;
using DeepDive.Domain.Actions;

namespace DeepDive.Engine.Reports;

/// <summary>
/// The report to the scrutiny committee for a period: the case reviews with their actions rated by status at the
/// period's end (the RAG-rated appendix), the actions from audit rounds, and how the audit programme went. A published
/// report already has its small counts about children suppressed and no case reference in it, so every renderer
/// (and the web page) shows it as it is.
/// </summary>
public sealed record CommitteeReport
{
    public required string PartnershipId { get; init; }
    public required string PartnershipName { get; init; }
    public required ReportingPeriod Period { get; init; }
    public required bool Published { get; init; }
    public required DateTime GeneratedUtc { get; init; }

    /// <summary>Every action counted in the report, by its status at the period's end.</summary>
    public required RagCounts Totals { get; init; }

    public string TotalsSentence => Totals.Sentence();

    public required IReadOnlyList<ReviewSection> Reviews { get; init; }

    /// <summary>Confirmed actions from audit rounds, by round.</summary>
    public required IReadOnlyList<RoundActionsSection> Rounds { get; init; }

    /// <summary>Actions proposed by closed rounds that still wait for a manager to confirm them (not counted above).</summary>
    public required int ProposedActions { get; init; }

    public required AuditProgramme Programme { get; init; }
}

/// <summary>A review in the period: its type, status and dates at the period's end, and its actions.</summary>
public sealed record ReviewSection(
    string ReviewId, string Name, string Type, string Status, string? StatusReason, DateOnly? IncidentOn, DateOnly? RapidReviewOn,
    string? SignedOffBy, DateOnly? SignedOffOn, DateOnly? PublishedOn, int? DaysToPublication, RagCounts Counts, IReadOnlyList<ActionLine> Actions)
{
    /// <summary>"18 actions: 16 green or blue, 2 amber".</summary>
    public string Sentence => Counts.Sentence();

    /// <summary>The amber and red actions, shown in full.</summary>
    [JsonIgnore]
    public IReadOnlyList<ActionLine> AmberAndRed => [.. Actions.Where(a => a.IsAmberOrRed)];
}

/// <summary>The confirmed actions from one audit round.</summary>
public sealed record RoundActionsSection(string RoundId, string CycleName, DateOnly? ClosedOn, RagCounts Counts, IReadOnlyList<ActionLine> Actions)
{
    public string Sentence => Counts.Sentence();

    [JsonIgnore]
    public IReadOnlyList<ActionLine> AmberAndRed => [.. Actions.Where(a => a.IsAmberOrRed)];
}

/// <summary>An action as it stood at the period's end, with the update that gave it that status.</summary>
public sealed record ActionLine(
    string ActionId, string Review, string Recommendation, string Action, string OwnerAgency, string? OwnerName, DateOnly DueOn,
    RagStatus Status, DateOnly StatusSince, bool OverdueAtEnd, string? Evidence, string? RecoveryPlan, LatestUpdate LatestUpdate, string? CaseRef)
{
    [JsonIgnore]
    public bool IsAmberOrRed => Status is RagStatus.Amber or RagStatus.Red;

    [JsonIgnore]
    public string Owner => OwnerName is null ? OwnerAgency : $"{OwnerAgency}: {OwnerName}";
}

/// <summary>One change of an action's status: when, to what, by whom, why, with what evidence, automatic or not.</summary>
public sealed record LatestUpdate(DateOnly On, RagStatus Status, string By, string? Comment, string? Evidence, bool Automatic);

/// <summary>A count as the report shows it: <see cref="Shown"/> always; <see cref="Count"/> only when it may be published.</summary>
public sealed record Figure(int? Count, string Shown);

/// <summary>One part of a breakdown (a grade, a re-audit outcome) and its figure.</summary>
public sealed record BreakdownLine(string Label, Figure Figure);

/// <summary>How the audit programme went in the period.</summary>
public sealed record AuditProgramme(
    int RoundsCompleted, int ScheduledRoundsCompleted, int ReAuditRoundsCompleted, Figure CasesAudited, IReadOnlyList<BreakdownLine> Grades,
    IReadOnlyList<BreakdownLine> ReAuditOutcomes, int TasksDue, int TasksSubmittedLate, int TasksOutstanding, IReadOnlyList<RoundCompleted> Rounds,
    IReadOnlyList<FiringIssue> FiringIssues)
{
    /// <summary>Tasks due in the period that were not in by their deadline.</summary>
    public int TasksLate => TasksSubmittedLate + TasksOutstanding;
}

/// <summary>A round completed in the period.</summary>
public sealed record RoundCompleted(string RoundId, string CycleName, string Kind, DateOnly StartedOn, DateOnly ClosedOn, Figure Cases);

/// <summary>A firing due in the period that opened no round (failed) or opened it late.</summary>
public sealed record FiringIssue(string CycleId, DateTime ScheduledForUtc, string Kind, string Detail);
