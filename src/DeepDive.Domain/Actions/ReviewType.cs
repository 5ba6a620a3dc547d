namespace DeepDive.Domain.Actions;

/// <summary>The kinds of case review a partnership holds.</summary>
public enum ReviewType
{
    RapidReview,
    PracticeReview,
    SeriousCaseReview,
    ThematicReview,
    PeerReview,
}

/// <summary>Stored names, labels and the spellings a spreadsheet may use for the review types.</summary>
public static class ReviewTypes
{
    // In the order declared; not a collection expression, whose constant data would be a type outside the domain's namespaces.
    public static IReadOnlyList<ReviewType> All { get; } = Array.AsReadOnly(Enum.GetValues<ReviewType>());

    // Spellings after lower-casing and turning hyphens and underscores into spaces.
    private static readonly Dictionary<string, ReviewType> Spellings = new(StringComparer.Ordinal)
    {
        ["rapid review"] = ReviewType.RapidReview,
        ["rapid"] = ReviewType.RapidReview,
        ["rr"] = ReviewType.RapidReview,
        ["lcspr"] = ReviewType.PracticeReview,
        ["cspr"] = ReviewType.PracticeReview,
        ["local child safeguarding practice review"] = ReviewType.PracticeReview,
        ["child safeguarding practice review"] = ReviewType.PracticeReview,
        ["practice review"] = ReviewType.PracticeReview,
        ["serious case review"] = ReviewType.SeriousCaseReview,
        ["scr"] = ReviewType.SeriousCaseReview,
        ["thematic review"] = ReviewType.ThematicReview,
        ["thematic"] = ReviewType.ThematicReview,
        ["peer review"] = ReviewType.PeerReview,
        ["peer"] = ReviewType.PeerReview,
    };

    /// <summary>The accepted values, as an error message lists them.</summary>
    public const string NameList = "rapid review, LCSPR (local child safeguarding practice review), serious case review, thematic review or peer review";

    public static bool TryParse(string? text, out ReviewType type)
    {
        type = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var key = string.Join(' ', text.Trim().ToLowerInvariant().Replace('-', ' ').Replace('_', ' ')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return Spellings.TryGetValue(key, out type);
    }

    public static ReviewType Parse(string text) =>
        TryParse(text, out var type) ? type : throw new ArgumentException($"'{text}' is not a review type: use {NameList}.", nameof(text));

    public static string Name(ReviewType type) => type switch
    {
        ReviewType.RapidReview => "rapid-review",
        ReviewType.PracticeReview => "lcspr",
        ReviewType.SeriousCaseReview => "serious-case-review",
        ReviewType.ThematicReview => "thematic-review",
        ReviewType.PeerReview => "peer-review",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string Label(ReviewType type) => type switch
    {
        ReviewType.RapidReview => "Rapid review",
        ReviewType.PracticeReview => "Local child safeguarding practice review",
        ReviewType.SeriousCaseReview => "Serious case review",
        ReviewType.ThematicReview => "Thematic review",
        ReviewType.PeerReview => "Peer review",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
