using System.Text;
using DeepDive.Domain.Grading;

namespace DeepDive.Domain.Learning;

/// <summary>Writes the "7-minute briefing" of a closed round: background, findings, what good looks like, what happens next.</summary>
public static class LearningBriefWriter
{
    /// <summary>Counts under this are suppressed in anything published, as they could identify children.</summary>
    public const int SuppressBelow = 5;

    public static (string Title, string Body) Write(string cycleName, string theme, DateTime roundStartedUtc, IReadOnlyList<Finding> findings)
    {
        var title = $"7-minute briefing: {cycleName} ({roundStartedUtc:MMMM yyyy})";
        var body = new StringBuilder();
        body.AppendLine($"# {title}");
        body.AppendLine();
        body.AppendLine("## 1. Background");
        body.AppendLine($"The partnership audited {Count(findings.Count)} cases on the theme '{theme}', chosen at random from the case register.");
        body.AppendLine();
        body.AppendLine("## 2. Findings");
        foreach (var group in findings.GroupBy(f => f.Overall).OrderBy(g => g.Key))
        {
            body.AppendLine($"- {GradingScale.Label(group.Key)}: {Count(group.Count())}");
        }

        body.AppendLine($"- Needing further work and a re-audit: {Count(findings.Count(f => f.NeedsWork))}");
        body.AppendLine();
        body.AppendLine("## 3. What good looks like");
        foreach (var line in Top(findings.SelectMany(f => f.GoodPractice)))
        {
            body.AppendLine($"- {line}");
        }

        body.AppendLine();
        body.AppendLine("## 4. Areas for development");
        foreach (var line in Top(findings.SelectMany(f => f.AreasForDevelopment)))
        {
            body.AppendLine($"- {line}");
        }

        body.AppendLine();
        body.AppendLine("## 5. What the partnership will do next");
        foreach (var line in Top(findings.SelectMany(f => f.Recommendations)))
        {
            body.AppendLine($"- {line}");
        }

        return (title, body.ToString());
    }

    /// <summary>A count fit to publish: small numbers are shown as "fewer than 5".</summary>
    public static string Count(int n) => n is > 0 and < SuppressBelow ? $"fewer than {SuppressBelow}" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static IEnumerable<string> Top(IEnumerable<string> lines) =>
        lines.Where(l => !string.IsNullOrWhiteSpace(l))
            .GroupBy(l => l.Trim(), StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(5)
            .Select(g => g.Key);
}
