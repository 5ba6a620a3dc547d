namespace DeepDive.Cli.Tests;

/// <summary><c>deepdive brief</c> and <c>deepdive feedback</c> on the database a demo year wrote, as a QA lead reads them.</summary>
[Collection(DemoYear.Collection)]
public sealed class LearningCommandTests(DemoYear demo)
{
    private List<string?[]> Briefs() => Rows("SELECT round_id, title FROM learning_brief ORDER BY created_utc, round_id");

    private List<string?[]> Rows(string sql)
    {
        demo.Result.ExitCode.Should().Be(0, demo.Result.ToString());
        return demo.Cli.Rows(sql);
    }

    [Fact]
    public async Task Brief_list_shows_every_brief_with_its_round_cycle_day_and_title()
    {
        var briefs = Briefs();

        var result = await demo.RunAsync("brief", "list");

        result.ExitCode.Should().Be(0, result.ToString());
        var tableRows = result.StdOut.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(2).ToList();
        tableRows.Should().HaveCount(briefs.Count).And.HaveCountGreaterThan(5);
        foreach (var brief in briefs)
        {
            tableRows.Should().Contain(l => l.StartsWith($"| {brief[0]} |", StringComparison.Ordinal) && l.Contains(brief[1]!, StringComparison.Ordinal));
        }

        result.StdOut.Should().Contain("| Round | Cycle | Written | Title |").And.Contain("| education-s175 |").And.MatchRegex(@"\| 2027-\d\d-\d\d \|");
    }

    [Fact]
    public async Task Brief_show_prints_the_round_brief_as_stored_or_writes_it_with_out()
    {
        var brief = Briefs()[0];
        var body = Rows($"SELECT body FROM learning_brief WHERE round_id = '{brief[0]}'")[0][0]!;
        var file = Path.Combine(demo.Cli.Folder, "brief.md");

        var shown = await demo.RunAsync("brief", "show", brief[0]!);
        var written = await demo.RunAsync("brief", "show", brief[0]!, "--out", file);

        shown.ExitCode.Should().Be(0, shown.ToString());
        shown.StdOut.ReplaceLineEndings("\n").Should().Be(body.ReplaceLineEndings("\n"));
        shown.StdOut.Should().StartWith("# 7-minute briefing").And.Contain("## 2. Findings");
        written.ExitCode.Should().Be(0, written.ToString());
        written.StdOut.Should().Contain("Wrote ").And.Contain("brief.md").And.NotContain("## 2. Findings");
        (await File.ReadAllTextAsync(file)).Should().Be(shown.StdOut);
    }

    [Fact]
    public async Task Brief_show_of_an_unknown_round_says_so_and_exits_1()
    {
        var result = await demo.RunAsync("brief", "show", "no-such-round");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().Contain("There is no round 'no-such-round' in partnership 'demo'").And.NotContain("   at ");
    }

    [Fact]
    public async Task Feedback_list_shows_each_school_of_the_education_audit()
    {
        var feedback = Rows("SELECT round_id, school FROM school_feedback ORDER BY school");
        var round = feedback[0][0]!;

        var all = await demo.RunAsync("feedback", "list");
        var ofRound = await demo.RunAsync("feedback", "list", round);
        var ofOther = await demo.RunAsync("feedback", "list", Briefs().First(b => b[0] != round)[0]!);

        all.ExitCode.Should().Be(0, all.ToString());
        all.StdOut.Split('\n').Count(l => l.StartsWith($"| {round} |", StringComparison.Ordinal)).Should().Be(feedback.Count);
        feedback.Should().OnlyContain(f => all.StdOut.Contains($"| {f[1]} |", StringComparison.Ordinal));
        all.StdOut.Should().Contain("written, not sent");
        ofRound.StdOut.Should().Be(all.StdOut.Replace("# School feedback\n", $"# School feedback of round {round}\n", StringComparison.Ordinal));
        ofOther.ExitCode.Should().Be(0, ofOther.ToString());
        ofOther.StdOut.Should().Contain("wrote no school feedback");
    }

    [Fact]
    public async Task Feedback_show_prints_one_school_or_every_school_of_the_round()
    {
        var feedback = Rows("SELECT round_id, school, body FROM school_feedback ORDER BY created_utc, round_id, school");
        var (round, school, body) = (feedback[1][0]!, feedback[1][1]!, feedback[1][2]!);
        var file = Path.Combine(demo.Cli.Folder, "feedback.md");

        var one = await demo.RunAsync("feedback", "show", round, school.ToUpperInvariant());
        var every = await demo.RunAsync("feedback", "show", round, "--out", file);

        one.ExitCode.Should().Be(0, one.ToString());
        one.StdOut.ReplaceLineEndings("\n").Should().Be(body.ReplaceLineEndings("\n"));
        every.ExitCode.Should().Be(0, every.ToString());
        var text = await File.ReadAllTextAsync(file);
        feedback.Should().OnlyContain(f => text.Contains(f[2]!, StringComparison.Ordinal));
        text.Split("\n---\n").Should().HaveCount(feedback.Count);
    }

    [Fact]
    public async Task Feedback_show_of_an_unknown_round_or_school_says_which_and_exits_1()
    {
        var round = Rows("SELECT round_id FROM school_feedback LIMIT 1")[0][0]!;

        var noRound = await demo.RunAsync("feedback", "show", "no-such-round");
        var noSchool = await demo.RunAsync("feedback", "show", round, "No Such School");
        var noFeedback = await demo.RunAsync("feedback", "show", Briefs().First(b => b[0] != round)[0]!);

        noRound.ExitCode.Should().Be(1, noRound.ToString());
        noRound.Output.Should().Contain("There is no round 'no-such-round' in partnership 'demo'");
        noSchool.ExitCode.Should().Be(1, noSchool.ToString());
        noSchool.Output.Should().Contain("has no feedback for a school 'No Such School'").And.Contain("Its schools:");
        noFeedback.ExitCode.Should().Be(1, noFeedback.ToString());
        noFeedback.Output.Should().Contain("has no school feedback");
    }
}
