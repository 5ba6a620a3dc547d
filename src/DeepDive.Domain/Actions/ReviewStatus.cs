namespace DeepDive.Domain.Actions;

/// <summary>
/// Where a case review is: scoping, in progress, on hold (always with its reason, such as a coroner's inquest or a
/// police investigation), awaiting the partnership's sign-off, or published.
/// </summary>
public enum ReviewStatus
{
    Scoping,
    InProgress,
    OnHold,
    AwaitingSignOff,
    Published,
}

public static class ReviewStatuses
{
    // In the order declared; not a collection expression, whose constant data would be a type outside the domain's namespaces.
    public static IReadOnlyList<ReviewStatus> All { get; } = Array.AsReadOnly(Enum.GetValues<ReviewStatus>());

    public const string NameList = "scoping, in-progress, on-hold, awaiting-sign-off or published";

    public static bool TryParse(string? text, out ReviewStatus status)
    {
        status = default;
        var name = text?.Trim().ToLowerInvariant().Replace(' ', '-');
        foreach (var candidate in All)
        {
            if (Name(candidate) == name)
            {
                status = candidate;
                return true;
            }
        }

        return false;
    }

    public static ReviewStatus Parse(string text) =>
        TryParse(text, out var status) ? status : throw new ArgumentException($"'{text}' is not a review status: use {NameList}.", nameof(text));

    public static string Name(ReviewStatus status) => status switch
    {
        ReviewStatus.Scoping => "scoping",
        ReviewStatus.InProgress => "in-progress",
        ReviewStatus.OnHold => "on-hold",
        ReviewStatus.AwaitingSignOff => "awaiting-sign-off",
        ReviewStatus.Published => "published",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Label(ReviewStatus status) => status switch
    {
        ReviewStatus.Scoping => "Scoping",
        ReviewStatus.InProgress => "In progress",
        ReviewStatus.OnHold => "On hold",
        ReviewStatus.AwaitingSignOff => "Awaiting sign-off",
        ReviewStatus.Published => "Published",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>What is wrong with moving a review to <paramref name="status"/> for <paramref name="reason"/>, or null when nothing is.</summary>
    public static string? Problem(ReviewStatus status, string? reason) =>
        status == ReviewStatus.OnHold && string.IsNullOrWhiteSpace(reason)
            ? "Enter why the review is on hold, for example a coroner's inquest or a police investigation"
            : null;
}
