using System.Globalization;

namespace DeepDive.Web.Components;

/// <summary>Text for a reader who may not see case references (a school, a viewer): each reference becomes a number.</summary>
public static class CaseReferences
{
    /// <summary>The text with each of <paramref name="caseRefs"/> replaced by its number in order of first mention: "Case CSC-2025-000123" reads "Case 1".</summary>
    public static string Numbered(string text, IEnumerable<string> caseRefs)
    {
        var mentioned = caseRefs.Where(r => r.Length > 0).Distinct(StringComparer.Ordinal)
            .Select(r => (Ref: r, At: text.IndexOf(r, StringComparison.Ordinal))).Where(r => r.At >= 0)
            .OrderBy(r => r.At).ToList();
        // Longest first, so a reference that starts another is not replaced inside it.
        foreach (var (caseRef, number) in mentioned.Select((r, i) => (r.Ref, i + 1)).OrderByDescending(r => r.Ref.Length))
        {
            text = text.Replace(caseRef, number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        return text;
    }
}
