namespace DeepDive.Engine.Storage;

/// <summary>Short lists of codes (agencies, skills) are stored in one text column, separated by semicolons.</summary>
internal static class StoredList
{
    public const char Separator = ';';

    public static string Join(IEnumerable<string> items) => string.Join(Separator, items);

    public static IReadOnlyList<string> Split(string? stored) =>
        string.IsNullOrEmpty(stored)
            ? []
            : stored.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
