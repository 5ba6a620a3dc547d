using System.Text.RegularExpressions;

namespace DeepDive.Domain.Actions;

/// <summary>
/// A recommendation as a spreadsheet gives it: its number as the review numbers it ("1.2"), optionally followed by its
/// words ("1.2 Agencies share ..."), or words alone. Two cells name the same recommendation when their numbers match, or,
/// without numbers, their words.
/// </summary>
public sealed partial record RecommendationNumber(string? Number, string Text)
{
    public static RecommendationNumber Parse(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var match = Numbered().Match(cell);
        return match.Success
            ? new RecommendationNumber(match.Groups["number"].Value, match.Groups["text"].Value.Trim())
            : new RecommendationNumber(null, cell.Trim());
    }

    /// <summary>What identifies the recommendation within its review: its number, or its normalised words.</summary>
    public string Key => Number is not null ? "#" + Number : ActionKey.Normalise(Text);

    /// <summary>As the committee report shows it: "1.2", "1.2 Agencies share ...", or the words alone.</summary>
    public override string ToString() => Number is null ? Text : Text.Length == 0 ? Number : $"{Number} {Text}";

    // Each part at most three digits, so a year ("2027 plan") is words, not a number.
    [GeneratedRegex(@"^\s*(?:recommendation\s+)?(?<number>\d{1,3}(?:\.\d{1,3})*)(?:$|[\s.:)\u2013\u2014-]+)(?<text>.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Numbered();
}

/// <summary>How action and recommendation texts are compared when a spreadsheet is imported again: case, spacing and line breaks do not count.</summary>
public static class ActionKey
{
    public static string Normalise(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
    }
}
