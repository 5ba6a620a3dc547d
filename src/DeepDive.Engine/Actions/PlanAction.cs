using DeepDive.Domain.Actions;

namespace DeepDive.Engine.Actions;

/// <summary>
/// An action of the partnership's action plan: where it comes from (a review's recommendation, or an audit round's),
/// what it is, who owns it, when it is due, its evidence and recovery plan, and its status (none while proposed).
/// </summary>
public sealed record PlanAction
{
    public required string ActionId { get; init; }
    public required string PartnershipId { get; init; }

    /// <summary><see cref="ActionSource"/>: case-review or audit-round.</summary>
    public required string Source { get; init; }

    /// <summary><see cref="ActionState"/>: proposed (waiting for a manager) or confirmed.</summary>
    public required string State { get; init; }

    public string? ReviewId { get; init; }
    public string? ReviewName { get; init; }
    public string? RecommendationId { get; init; }
    public string? RecommendationNumber { get; init; }
    public string? RecommendationWording { get; init; }
    public string? RoundId { get; init; }
    public string? CycleName { get; init; }
    public string? TaskId { get; init; }

    /// <summary>The case the audit task was about (a pseudonymised reference); never shown in anything published.</summary>
    public string? CaseRef { get; init; }

    public required string Description { get; init; }
    public required string OwnerAgency { get; init; }
    public string? OwnerName { get; init; }
    public string? OwnerEmail { get; init; }
    public required DateOnly DueOn { get; init; }
    public string? Evidence { get; init; }
    public string? RecoveryPlan { get; init; }

    /// <summary>The status now: the latest change of its history; null while proposed.</summary>
    public RagStatus? Status { get; init; }

    /// <summary>Since when <see cref="Status"/> has been in force (its latest change); null while proposed.</summary>
    public DateTime? StatusSinceUtc { get; init; }

    public DateTime CreatedUtc { get; init; }
    public DateTime UpdatedUtc { get; init; }
    public string? ConfirmedBy { get; init; }
    public DateTime? ConfirmedUtc { get; init; }

    public bool IsProposed => State == ActionState.Proposed;

    public bool HasRecoveryPlan => !string.IsNullOrWhiteSpace(RecoveryPlan);

    /// <summary>The recommendation as the review numbers it, e.g. "1.2 Agencies share chronologies"; for a round's action, its round.</summary>
    public string RecommendationText => Source == ActionSource.CaseReview
        ? new RecommendationNumber(RecommendationNumber, RecommendationWording ?? "").ToString()
        : $"Audit round {RoundId}" + (CycleName is null ? "" : $" ({CycleName})");

    /// <summary>"Police: Jo Bloggs", or the agency alone.</summary>
    public string Owner => OwnerName is null ? OwnerAgency : $"{OwnerAgency}: {OwnerName}";
}

/// <summary>
/// One change of an action's status: to what, in force from when (<see cref="AtUtc"/>, which an import may date back),
/// recorded when, by whom, why, with what evidence, and whether the engine made it (an overdue action turning red).
/// </summary>
public sealed record ActionStatusEntry(
    int Position, RagStatus Status, DateTime AtUtc, DateTime RecordedUtc, string ChangedBy, string? Reason, string? Evidence, bool Automatic);

/// <summary>What a person changes about an action; null leaves a value as it is.</summary>
public sealed record ActionChange
{
    public RagStatus? Status { get; init; }

    /// <summary>Why: required for red and amber; for blue, a justification when there is no evidence.</summary>
    public string? Comment { get; init; }

    public string? Evidence { get; init; }
    public string? RecoveryPlan { get; init; }
    public DateOnly? DueOn { get; init; }
    public string? Description { get; init; }
    public string? OwnerAgency { get; init; }
    public string? OwnerName { get; init; }
    public string? OwnerEmail { get; init; }
}

/// <summary>Which actions to list; null matches any.</summary>
public sealed record ActionFilter
{
    public string? ReviewId { get; init; }
    public string? Agency { get; init; }
    public RagStatus? Status { get; init; }
    public string? State { get; init; }
    public string? RoundId { get; init; }
}
