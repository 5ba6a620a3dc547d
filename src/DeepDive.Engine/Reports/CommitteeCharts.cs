using DeepDive.Domain.Actions;
using ScottPlot;

namespace DeepDive.Engine.Reports;

/// <summary>The committee report's charts, drawn by ScottPlot as SVG to sit inside the one HTML file.</summary>
public static partial class CommitteeCharts
{
    public const int Width = 900;

    /// <summary>GOV.UK's colours for the statuses, as the report's tags use them.</summary>
    public static string Colour(RagStatus status) => status switch
    {
        RagStatus.Red => "#d4351c",
        RagStatus.Amber => "#f47738",
        RagStatus.Green => "#00703c",
        RagStatus.Blue => "#1d70b8",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>One bar per review (and per round with actions), split by the actions' status at the period's end; null when there are none.</summary>
    public static string? ActionsByReview(CommitteeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var groups = report.Reviews.Select(r => (Name: r.Name, r.Counts))
            .Concat(report.Rounds.Select(r => (Name: $"{r.CycleName} ({r.RoundId})", r.Counts)))
            .Where(g => g.Counts.Total > 0)
            .ToList();
        if (groups.Count == 0)
        {
            return null;
        }

        var plot = new Plot();
        var bars = RagStatuses.All.ToDictionary(s => s, _ => new List<Bar>());
        for (var i = 0; i < groups.Count; i++)
        {
            double basis = 0;
            foreach (var status in RagStatuses.All)
            {
                var count = groups[i].Counts.Of(status);
                if (count == 0)
                {
                    continue;
                }

                bars[status].Add(new Bar
                {
                    Position = groups.Count - 1 - i,
                    ValueBase = basis,
                    Value = basis + count,
                    FillColor = Color.FromHex(Colour(status)),
                    Label = UkFormat.Number(count),
                    CenterLabel = true,
                    Size = 0.6,
                });
                basis += count;
            }
        }

        // One bar plot per status, so that the legend names each colour.
        foreach (var status in RagStatuses.All)
        {
            var plottable = plot.Add.Bars(bars[status]);
            plottable.Horizontal = true;
            plottable.Color = Color.FromHex(Colour(status));
            plottable.LegendText = RagStatuses.Label(status);
            plottable.ValueLabelStyle.ForeColor = Colors.White;
            plottable.ValueLabelStyle.Bold = true;
            plottable.ValueLabelStyle.FontSize = 15;
        }

        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, groups.Count).Select(i => (double)(groups.Count - 1 - i))], [.. groups.Select(g => Short(g.Name))]);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Bottom.Label.Text = "Actions, by status at the end of the period";
        plot.Axes.SetLimits(left: 0, right: groups.Max(g => g.Counts.Total) * 1.05 + 0.1, bottom: -0.6, top: groups.Count - 0.4);
        plot.ShowLegend(Edge.Bottom);
        plot.Title("Actions by status, per review");
        return Svg(plot, "actions", Width, 150 + 44 * groups.Count);
    }

    /// <summary>
    /// The overall grades of the cases audited; null when there are none, or when a published report hides one of its
    /// counts (the bars would show it).
    /// </summary>
    public static string? Grades(CommitteeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var grades = report.Programme.Grades;
        if (grades.All(g => g.Figure.Count is 0) || grades.Any(g => g.Figure.Count is null))
        {
            return null;
        }

        var plot = new Plot();
        var bars = grades.Select((g, i) => new Bar
        {
            Position = i,
            Value = g.Figure.Count!.Value,
            FillColor = Color.FromHex("#1d70b8"),
            Label = UkFormat.Number(g.Figure.Count!.Value),
            Size = 0.6,
        }).ToList();
        plot.Add.Bars(bars).ValueLabelStyle.FontSize = 15;
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, grades.Count).Select(i => (double)i)], [.. grades.Select(g => g.Label)]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.Left.Label.Text = "Cases";
        plot.Axes.Margins(bottom: 0, top: 0.15);
        plot.Title("Overall grades of the cases audited");
        return Svg(plot, "grades", Width, 380);
    }

    /// <summary>
    /// The plot as an SVG element that scales to the width it is given (a view box), its ids prefixed so that two charts
    /// in one page do not share clip paths, and its text in the report's fonts (ScottPlot measures it in DejaVu Sans).
    /// </summary>
    private static string Svg(Plot plot, string name, int width, int height)
    {
        plot.Font.Set("DejaVu Sans");
        // Drawn 900 wide and printed about 690: sizes a little above a page's text so that they read at the same size.
        plot.Axes.Title.Label.FontSize = 19;
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
        plot.Axes.Left.Label.FontSize = 16;
        plot.Axes.Bottom.Label.FontSize = 16;
        plot.Legend.FontSize = 15;
        // An XML declaration has no place inside HTML.
        var svg = XmlDeclaration().Replace(plot.GetSvgHtml(width, height), "");
        var ids = SvgId().Matches(svg).Select(m => m.Groups[1].Value).Distinct().ToList();
        foreach (var id in ids)
        {
            svg = svg.Replace($"id=\"{id}\"", $"id=\"{name}-{id}\"", StringComparison.Ordinal)
                .Replace($"url(#{id})", $"url(#{name}-{id})", StringComparison.Ordinal)
                .Replace($"href=\"#{id}\"", $"href=\"#{name}-{id}\"", StringComparison.Ordinal);
        }

        svg = FontFamily().Replace(svg, "font-family=\"Arial, Helvetica, DejaVu Sans, sans-serif\"");
        svg = SvgStart().Replace(svg, $"<svg role=\"img\" aria-labelledby=\"{name}-title\" viewBox=\"0 0 {width} {height}\" ", 1);
        var opened = svg.IndexOf('>', StringComparison.Ordinal) + 1;
        return svg.Insert(opened, $"<title id=\"{name}-title\">{System.Net.WebUtility.HtmlEncode(plot.Axes.Title.Label.Text)}</title>");
    }

    [System.Text.RegularExpressions.GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex SvgId();

    [System.Text.RegularExpressions.GeneratedRegex("font-family=\"[^\"]*\"")]
    private static partial System.Text.RegularExpressions.Regex FontFamily();

    [System.Text.RegularExpressions.GeneratedRegex("^\\s*<\\?xml[^>]*\\?>\\s*")]
    private static partial System.Text.RegularExpressions.Regex XmlDeclaration();

    [System.Text.RegularExpressions.GeneratedRegex("^\\s*<svg ")]
    private static partial System.Text.RegularExpressions.Regex SvgStart();

    private static string Short(string text) => text.Length <= 32 ? text : text[..30] + "...";
}
