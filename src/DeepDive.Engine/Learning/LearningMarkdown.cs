using System.Globalization;
using System.Text;

namespace DeepDive.Engine.Learning;

/// <summary>The learning briefs and schools' feedback as Markdown: lists as tables, papers as they were written.</summary>
public static class LearningMarkdown
{
    public static string BriefList(IReadOnlyList<LearningStore.Paper> briefs) =>
        briefs.Count == 0
            ? "No learning briefs yet: a round writes its brief when it closes.\n"
            : Table("# Learning briefs", ["Round", "Cycle", "Written", "Title"], briefs.Select(b => new[] { b.RoundId, b.CycleId, Day(b.WrittenUtc), b.Title }));

    public static string FeedbackList(IReadOnlyList<LearningStore.Paper> feedback, string? roundId) =>
        feedback.Count == 0
            ? roundId is null
                ? "No school feedback yet: a Safeguarding in Education audit writes each school's feedback when its round closes.\n"
                : $"Round {roundId} wrote no school feedback: only a Safeguarding in Education audit writes feedback to schools.\n"
            : Table(roundId is null ? "# School feedback" : $"# School feedback of round {roundId}", ["Round", "Cycle", "Written", "School"],
                feedback.Select(f => new[] { f.RoundId, f.CycleId, Day(f.WrittenUtc), f.Title })) + NotDelivered;

    /// <summary>The papers one after another, each as written, parted by a rule.</summary>
    public static string Papers(IReadOnlyList<LearningStore.Paper> papers) =>
        string.Join("\n---\n\n", papers.Select(p => p.Body.EndsWith('\n') ? p.Body : p.Body + "\n"));

    private const string NotDelivered = "\nThe feedback is written, not sent by email: each school's designated safeguarding lead reads their own in the web app, at /feedback.\n";

    private static string Table(string heading, string[] columns, IEnumerable<string[]> rows)
    {
        var text = new StringBuilder();
        text.Append(heading).Append("\n\n");
        text.Append("| ").AppendJoin(" | ", columns).Append(" |\n");
        text.Append('|').AppendJoin("", columns.Select(_ => " --- |")).Append('\n');
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
        }

        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    private static string Day(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
