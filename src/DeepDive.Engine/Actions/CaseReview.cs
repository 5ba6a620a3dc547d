using DeepDive.Domain.Actions;

namespace DeepDive.Engine.Actions;

/// <summary>A case review of the register: its pseudonymous name, type, status and dates.</summary>
public sealed record CaseReview(
    string ReviewId,
    string Name,
    ReviewType Type,
    ReviewStatus Status,
    string? StatusReason,
    DateOnly? IncidentOn,
    DateOnly? RapidReviewOn,
    string? SignedOffBy,
    DateOnly? SignedOffOn,
    DateOnly? PublishedOn,
    DateTime CreatedUtc)
{
    /// <summary>Days from the incident to publication, which committees ask for (about a year is typical); null until both are known.</summary>
    public int? DaysToPublication => IncidentOn is { } incident && PublishedOn is { } published ? published.DayNumber - incident.DayNumber : null;
}

/// <summary>One change of a review's status: to what, why (the reason it is on hold), by whom and when.</summary>
public sealed record ReviewStatusEntry(ReviewStatus Status, string? Reason, string ChangedBy, DateTime AtUtc);

/// <summary>A review's recommendation: its number as the review numbers it (when it has one) and its words.</summary>
public sealed record Recommendation(string RecommendationId, string ReviewId, string? Number, string Wording, int Position)
{
    public override string ToString() => new RecommendationNumber(Number, Wording).ToString();
}

/// <summary>What a manager changes about a review; null leaves a value as it is.</summary>
public sealed record ReviewChange
{
    public ReviewStatus? Status { get; init; }

    /// <summary>Why the status changed; required for on hold (e.g. "coroner's inquest").</summary>
    public string? Reason { get; init; }

    public ReviewType? Type { get; init; }
    public DateOnly? IncidentOn { get; init; }
    public DateOnly? RapidReviewOn { get; init; }
    public string? SignedOffBy { get; init; }
    public DateOnly? SignedOffOn { get; init; }
    public DateOnly? PublishedOn { get; init; }
}
