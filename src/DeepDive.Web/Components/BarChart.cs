using System.Globalization;

namespace DeepDive.Web.Components;

/// <summary>
/// A horizontal bar chart drawn on the server as SVG (Pages/Shared/_BarChart.cshtml): each bar is labelled with its
/// category and its figure, so it reads without colour; each also has its own fill pattern, and the same figures
/// follow in a table. <paramref name="Id"/> must be unique on the page (it prefixes the SVG's ids).
/// </summary>
public sealed record BarChart(string Id, string Title, string CategoryHeading, string ValueHeading, IReadOnlyList<BarChart.Bar> Bars)
{
    /// <param name="Tone">The bar's colour: one of blue, dark-blue, turquoise, green, orange, red, purple, grey.</param>
    public sealed record Bar(string Label, int Value, string Tone = "blue", string? Href = null);

    // Drawn at the width of half the page's column, so its 16px text shows at about 16px.
    public const int Width = 460;
    public const int LabelWidth = 190;
    public const int BarArea = 210;
    public const int RowHeight = 40;
    public const int BarHeight = 26;

    /// <summary>The fill patterns, one per bar in order, so no two neighbouring bars rely on colour alone.</summary>
    public static readonly IReadOnlyList<string> Patterns = ["solid", "diagonal", "dots", "horizontal", "cross", "vertical"];

    public int Total => Bars.Sum(b => b.Value);

    public int Height => Math.Max(1, Bars.Count) * RowHeight + 10;

    public double BarWidth(int value)
    {
        var max = Bars.Count == 0 ? 0 : Bars.Max(b => b.Value);
        return max <= 0 ? 0 : Math.Round(value * (double)BarArea / max, 1);
    }

    public string Pattern(int index) => Patterns[index % Patterns.Count];

    /// <summary>The text alternative: the title and every figure in words.</summary>
    public string Description => Bars.Count == 0 || Total == 0
        ? $"{Title}: none."
        : $"{Title}: " + string.Join(", ", Bars.Select(b => $"{b.Label} {b.Value.ToString(CultureInfo.InvariantCulture)}")) + ".";

    /// <summary>A number for an SVG attribute, with a full stop for the decimal point whatever the culture.</summary>
    public static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
