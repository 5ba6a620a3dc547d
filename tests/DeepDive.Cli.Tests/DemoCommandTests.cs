namespace DeepDive.Cli.Tests;

[Collection(DemoYear.Collection)]
public sealed class DemoCommandTests(DemoYear demo)
{
    [Fact]
    public void Demo_runs_a_year_and_prints_the_summary()
    {
        demo.Result.ExitCode.Should().Be(0, demo.Result.ToString());
        demo.Result.StdOut.Should().Contain("The year in numbers").And.Contain("Rounds run").And.Contain("Re-audit outcomes");
        File.Exists(demo.DatabaseFile).Should().BeTrue();
    }

    [Fact]
    public void Demo_summary_says_sent_and_queued_scheduled_and_skipped_reviewed_and_written()
    {
        var rows = SummaryRows();

        rows["Reminders"].Should().MatchRegex(@"^\d+ sent, \d+ queued$");
        rows["Escalations"].Should().MatchRegex(@"^\d+ sent, \d+ queued$");
        rows["Re-audits"].Should().MatchRegex(@"^\d+ scheduled, \d+ skipped");
        rows["Samples reviewed by a manager"].Should().Be("1 (1 changed)", "the education audit waits for review and the simulated QA manager replaces a case");
        rows["School feedback written"].Should().MatchRegex(@"^[1-9]\d*$");
        rows.Keys.Should().NotContain("School feedback sent", "the feedback is stored, and nothing delivers it yet");
        var sent = int.Parse(rows["Reminders"].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)
            + int.Parse(rows["Escalations"].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Directory.GetFiles(Path.Combine(demo.Folder, "outbox"), "*.eml").Should().HaveCount(sent);
    }

    [Fact]
    public void Demo_summary_fits_80_columns_with_one_line_a_figure()
    {
        var table = TableLines();

        table.Should().OnlyContain(l => l.Length <= 80);
        // A wrapped value would leave a row whose first cell is empty.
        table.Where(l => l.StartsWith('│')).Should().NotContain(l => l.Split('│', StringSplitOptions.None)[1].Trim().Length == 0);
    }

    private List<string> TableLines()
    {
        demo.Result.ExitCode.Should().Be(0, demo.Result.ToString());
        var lines = demo.Result.StdOut.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        return lines.SkipWhile(l => !l.Contains("The year in numbers", StringComparison.Ordinal)).TakeWhile(l => !l.StartsWith("Read the learning briefs", StringComparison.Ordinal)).ToList();
    }

    private Dictionary<string, string> SummaryRows() =>
        TableLines().Where(l => l.StartsWith('│'))
            .Select(l => l.Split('│'))
            .Where(cells => cells.Length >= 3 && cells[1].Trim().Length > 0)
            .ToDictionary(cells => cells[1].Trim(), cells => cells[2].Trim());
}
