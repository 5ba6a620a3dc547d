namespace DeepDive.Cli.Tests;

/// <summary><c>deepdive import actions</c>, <c>review</c>, <c>action</c> and <c>report committee</c> as a business manager runs them.</summary>
public sealed class ActionCommandTests : IDisposable
{
    private const string Header = "review,review_type,recommendation,action,owner_agency,due_date,status,as_at";
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    private Task<CliResult> ImportExampleAsync() => cli.RunAsync("import", "actions", CliRunner.Example("actions.csv"));

    [Fact]
    public async Task Importing_the_example_action_plan_twice_adds_it_once()
    {
        var first = await ImportExampleAsync();
        var second = await ImportExampleAsync();

        first.ExitCode.Should().Be(0, first.ToString());
        first.StdOut.Should().Contain("Imported actions").And.Contain("7 new, 0 changed").And.Contain("2 review(s) and 4 recommendation(s) added");
        second.ExitCode.Should().Be(0, second.ToString());
        second.StdOut.Should().Contain("Nothing to change");
        cli.Scalar("SELECT COUNT(*) FROM plan_action").Should().Be(7);
        cli.Scalar("SELECT COUNT(*) FROM action_status").Should().Be(7);
        cli.Scalar("SELECT COUNT(*) FROM case_review").Should().Be(2);
    }

    [Fact]
    public async Task A_bad_file_is_refused_whole_with_every_error_and_nothing_is_written()
    {
        var file = cli.WriteFile("plan.csv", string.Join("\n",
            Header,
            "Sam and Kyle,rapid review,1.1,Add chronology sharing,Children's social care,2026-09-30,blue,",
            "Sam and Kyle,rapid review,1.1,Audit strategy meetings,Police,2026-12-31,gold,",
            "Sam and Kyle,rapid review,1.2,Train MASH staff,Health,2026-02-30,amber,") + "\n");

        var result = await cli.RunAsync("import", "actions", file);

        result.ExitCode.Should().Be(1, result.ToString());
        result.StdOut.Should().Contain("was not imported").And.Contain("2 error(s); nothing was written")
            .And.Contain("line 3, column status: 'gold' is not a status; use red, amber, green or blue (in any case)")
            .And.Contain("line 4, column due_date: '2026-02-30' is not a date in the form yyyy-MM-dd");
        cli.Scalar("SELECT COUNT(*) FROM plan_action").Should().Be(0);
        cli.Scalar("SELECT COUNT(*) FROM case_review").Should().Be(0);
    }

    [Fact]
    public async Task Changes_that_break_a_rule_are_refused_with_the_reason_and_those_within_the_rules_are_kept()
    {
        (await ImportExampleAsync()).ExitCode.Should().Be(0);
        var action = cli.Rows("SELECT action_id FROM plan_action WHERE description = 'Publish a neglect practice guide for schools'")[0][0]!;

        var amber = await cli.RunAsync("action", "update", action, "--status", "amber", "--by", "Jo Owner");
        var onHold = await cli.RunAsync("review", "update", "Child R", "--status", "on-hold", "--by", "QA lead");
        var amberWithComment = await cli.RunAsync("action", "update", action, "--status", "amber", "--comment", "Printing delayed", "--by", "Jo Owner");
        var held = await cli.RunAsync("review", "update", "child r", "--status", "on-hold", "--reason", "Police investigation", "--by", "QA lead");
        var shown = await cli.RunAsync("action", "show", action);
        var confirmAgain = await cli.RunAsync("action", "confirm", action, "--by", "QA lead");

        amber.ExitCode.Should().Be(1, amber.ToString());
        amber.Output.Should().Contain("Enter a comment saying why the action is amber").And.NotContain("   at ");
        onHold.ExitCode.Should().Be(1, onHold.ToString());
        onHold.Output.Should().Contain("Enter why the review is on hold");
        amberWithComment.ExitCode.Should().Be(0, amberWithComment.ToString());
        held.ExitCode.Should().Be(0, held.ToString());
        held.StdOut.Should().Contain("Child R updated: on hold (Police investigation)");
        shown.StdOut.Should().Contain("Status: Amber (in progress, at risk or partly done)").And.Contain("Amber, by Jo Owner: Printing delayed");
        confirmAgain.ExitCode.Should().Be(1, confirmAgain.ToString());
        confirmAgain.Output.Should().Contain("was confirmed on").And.Contain("by import");
        cli.Rows("SELECT status, reason FROM case_review_status ORDER BY position DESC LIMIT 1")[0].Should().Equal("on-hold", "Police investigation");
    }

    [Fact]
    public async Task The_committee_report_comes_as_HTML_CSV_or_JSON_to_the_terminal_or_a_file()
    {
        (await ImportExampleAsync()).ExitCode.Should().Be(0);
        var file = Path.Combine(cli.Folder, "committee.html");

        var html = await cli.RunAsync("report", "committee", "--period", "2026-10-01..2026-12-31", "--out", file);
        var csv = await cli.RunAsync("report", "committee", "--period", "2026-10-01..2026-12-31", "--format", "csv", "--published");
        var json = await cli.RunAsync("report", "committee", "--period", "2026-10-01..2026-12-31", "--format", "json");
        var pdf = await cli.RunAsync("report", "committee", "--period", "2026-10-01..2026-12-31", "--format", "pdf");
        var backwards = await cli.RunAsync("report", "committee", "--period", "2026-12-31..2026-10-01");
        var missing = await cli.RunAsync("report", "committee");

        html.ExitCode.Should().Be(0, html.ToString());
        html.StdOut.Should().Contain("Wrote the committee report for 1 October 2026 to 31 December 2026");
        var page = await File.ReadAllTextAsync(file);
        page.Should().StartWith("<!DOCTYPE html>").And.Contain("<svg").And.Contain("4 actions: 3 green or blue, 1 amber").And.Contain("3 actions: 2 green or blue, 1 red").And.Contain("Not for publication");
        csv.ExitCode.Should().Be(0, csv.ToString());
        csv.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(8, "a header and one row per action of the two reviews");
        csv.StdOut.Should().NotContain("case_ref");
        json.ExitCode.Should().Be(0, json.ToString());
        json.StdOut.Should().Contain("\"totalsSentence\": \"7 actions: 5 green or blue, 1 amber, 1 red\"");
        pdf.ExitCode.Should().Be(1);
        pdf.Output.Should().Contain("Unknown report format 'pdf': use html, csv, json");
        backwards.ExitCode.Should().Be(1);
        backwards.Output.Should().Contain("--period: the period ends on 2026-10-01, before it starts on 2026-12-31");
        missing.ExitCode.Should().Be(1);
        missing.Output.Should().Contain("--period is required");
    }
}
