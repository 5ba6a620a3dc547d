using System.Text.RegularExpressions;

namespace DeepDive.Engine.Reports;

/// <summary>
/// Takes case references out of free text for a published report: any word that is a reference of the partnership's
/// case register (in any case) is replaced, whatever the text around it.
/// </summary>
public sealed partial class CaseReferenceScrubber(IReadOnlySet<string> caseReferences)
{
    public const string Removed = "[case reference removed]";

    /// <summary>Leaves text as it is: for reports that are not published.</summary>
    public static CaseReferenceScrubber None { get; } = new(new HashSet<string>());

    public string Scrub(string text) =>
        caseReferences.Count == 0 || string.IsNullOrEmpty(text) ? text : Word().Replace(text, m => caseReferences.Contains(m.Value) ? Removed : m.Value);

    public string? ScrubOrNull(string? text) => text is null ? null : Scrub(text);

    // A reference is letters, digits and the joiners references use; a trailing full stop or comma is not part of it.
    [GeneratedRegex(@"[\p{L}\p{N}](?:[\p{L}\p{N}_/.-]*[\p{L}\p{N}])?")]
    private static partial Regex Word();
}
