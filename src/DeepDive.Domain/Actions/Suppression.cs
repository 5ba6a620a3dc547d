using System.Globalization;

namespace DeepDive.Domain.Actions;

/// <summary>
/// Small-number suppression for anything published: a count about children under 5 is shown as "fewer than 5". In a
/// breakdown shown beside its total, hiding a single count would leave it to be worked out by subtraction, so the
/// next smallest count is hidden with it ("not shown").
/// </summary>
public static class Suppression
{
    public const int Threshold = 5;
    public const string FewerThanFive = "fewer than 5";
    public const string NotShown = "not shown";

    /// <summary>A count as shown: itself, or "fewer than 5" when published and under 5.</summary>
    public static string Count(int count, bool published) =>
        published && count < Threshold ? FewerThanFive : count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>The counts of a breakdown as shown, in the order given.</summary>
    public static IReadOnlyList<string> Breakdown(IReadOnlyList<int> counts, bool published)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var shown = counts.Select(c => Count(c, published)).ToArray();
        if (!published)
        {
            return shown;
        }

        var hidden = counts.Count(c => c < Threshold);
        if (hidden == 1 && counts.Count > 1)
        {
            var next = Enumerable.Range(0, counts.Count).Where(i => counts[i] >= Threshold).MinBy(i => counts[i]);
            shown[next] = NotShown;
        }

        return shown;
    }
}
