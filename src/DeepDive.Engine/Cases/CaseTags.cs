using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Cases;

/// <summary>
/// A case's tags in one column as ";neglect;exploitation;" ("" for none), so a filter matches a tag with
/// LIKE '%;neglect;%' on every database. Tags are slugs, so they hold no ';' and no LIKE wildcard.
/// </summary>
public static class CaseTags
{
    public static string Store(IReadOnlyList<string> tags) =>
        tags.Count == 0 ? "" : StoredList.Separator + StoredList.Join(tags) + StoredList.Separator;

    /// <summary>The LIKE pattern that matches a stored column carrying <paramref name="tag"/>.</summary>
    public static string Pattern(string tag) => $"%{StoredList.Separator}{tag}{StoredList.Separator}%";
}
