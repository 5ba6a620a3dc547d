using DeepDive.Engine.Import;

namespace DeepDive.Engine.Actions;

/// <summary>What an action plan import wrote, or, when it has errors, why nothing was written.</summary>
public sealed record ActionImportResult(
    int ReviewsAdded, int ReviewsChanged, int RecommendationsAdded, int RecommendationsChanged, int ActionsAdded, int ActionsChanged,
    int StatusChanges, IReadOnlyList<ImportError> Errors)
{
    public static ActionImportResult Refused(IReadOnlyList<ImportError> errors) => new(0, 0, 0, 0, 0, 0, 0, errors);

    public bool Succeeded => Errors.Count == 0;

    /// <summary>Whether the import changed nothing (the same file imported again).</summary>
    public bool ChangedNothing => ReviewsAdded + ReviewsChanged + RecommendationsAdded + RecommendationsChanged + ActionsAdded + ActionsChanged + StatusChanges == 0;
}
