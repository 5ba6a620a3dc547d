using System.Globalization;
using System.Text.Json;
using Dapper;
using DeepDive.Domain.Actions;
using DeepDive.Engine.Reports;

namespace DeepDive.Engine.Tests.Reports;

/// <summary>
/// Every figure of the committee report against counts the test works out for itself: the actions' statuses from the
/// rows the fixture imported and changed, the audit programme from the rounds, deep dives and tasks in the database.
/// </summary>
[Collection(CommitteeCollection.Name)]
public sealed class CommitteeReportTests(CommitteeFixture fixture)
{
    /// <summary>The status at the period's end as the rule says: the last one before it, else the first one ever.</summary>
    private static RagStatus AtEnd(IEnumerable<(DateTime At, RagStatus Status)> statuses)
    {
        var ordered = statuses.OrderBy(s => s.At).ToList();
        var before = ordered.Where(s => s.At < CommitteeFixture.EndUtc).ToList();
        return before.Count > 0 ? before[^1].Status : ordered[0].Status;
    }

    private static RagStatus AtStart(IEnumerable<(DateTime At, RagStatus Status)> statuses)
    {
        var ordered = statuses.OrderBy(s => s.At).ToList();
        var before = ordered.Where(s => s.At < CommitteeFixture.StartUtc).ToList();
        return before.Count > 0 ? before[^1].Status : ordered[0].Status;
    }

    [Fact]
    public async Task The_appendix_has_each_review_in_the_period_with_its_actions_counted_by_their_status_at_the_periods_end()
    {
        var report = await fixture.ReportAsync(published: false);

        var byReview = fixture.Plan.GroupBy(p => p.Review).ToDictionary(g => g.Key, g => g.ToList());
        var expectedReviews = byReview
            .Where(r => r.Value.Any(a => CommitteeFixture.Period.Contains(a.Due) || AtStart(a.Statuses) != RagStatus.Blue))
            .Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
        expectedReviews.Should().Equal("Baby T", "Child R", "Sam and Kyle");
        report.Reviews.Select(r => r.Name).Should().Equal(expectedReviews);

        foreach (var section in report.Reviews)
        {
            var planned = byReview[section.Name];
            var expected = RagCounts.Of(planned.Select(p => AtEnd(p.Statuses)));
            section.Counts.Should().Be(expected, section.Name);
            section.Sentence.Should().Be(expected.Sentence());
            section.Actions.Select(a => (a.Action, a.Status)).Should().BeEquivalentTo(planned.Select(p => (p.Action, AtEnd(p.Statuses))));
            section.AmberAndRed.Select(a => a.Action).Should().BeEquivalentTo(
                planned.Where(p => AtEnd(p.Statuses) is RagStatus.Amber or RagStatus.Red).Select(p => p.Action));
        }

        // The committee's sentences, as a person would check them.
        report.Reviews.Single(r => r.Name == "Sam and Kyle").Sentence.Should().Be("18 actions: 16 green or blue, 2 amber");
        report.Reviews.Single(r => r.Name == "Child R").Sentence.Should().Be("4 actions: 1 green or blue, 2 amber, 1 red");
        report.Reviews.Single(r => r.Name == "Baby T").Sentence.Should().Be("26 actions: 22 amber, 4 red");
        var red = report.Reviews.Single(r => r.Name == "Child R").AmberAndRed.Single(a => a.Status == RagStatus.Red);
        red.Should().BeEquivalentTo(new
        {
            Recommendation = "2.1 Make supervision reflective", Action = "Audit supervision records in early help", OwnerAgency = "Early help",
            DueOn = new DateOnly(2027, 5, 31), StatusSince = new DateOnly(2027, 6, 1), OverdueAtEnd = true,
        });
        red.LatestUpdate.Comment.Should().Be("Imported as red from plan.csv, line 20", "the July spreadsheet's row 20 made it red");
    }

    [Fact]
    public async Task Actions_from_a_round_are_counted_by_round_and_those_still_proposed_are_counted_apart()
    {
        var report = await fixture.ReportAsync(published: false);

        var round = report.Rounds.Should().ContainSingle().Subject;
        round.RoundId.Should().Be(fixture.RoundId);
        var expected = RagCounts.Of(fixture.RoundActions.Select(a => AtEnd(a.Statuses)));
        round.Counts.Should().Be(expected).And.Be(new RagCounts(0, 1, 2, 0), "one amber in June; blue only in July, after the period");
        round.AmberAndRed.Single().Should().BeEquivalentTo(new { ActionId = fixture.RoundActions[1].ActionId, CaseRef = fixture.RoundActions[1].CaseRef });
        report.ProposedActions.Should().Be(fixture.ProposedLeft).And.BePositive();
        report.Totals.Should().Be(RagCounts.Of(report.Reviews.SelectMany(r => r.Actions).Concat(round.Actions).Select(a => a.Status)));
        report.Totals.Total.Should().Be(18 + 4 + 26 + 3);
    }

    [Fact]
    public async Task The_audit_programme_figures_are_the_periods_rounds_deep_dives_tasks_and_firings()
    {
        var report = await fixture.ReportAsync(published: false);

        await using var connection = await fixture.Database.OpenAsync(CancellationToken.None);
        var window = new { S = CommitteeFixture.StartUtc, E = CommitteeFixture.EndUtc };
        var rounds = (await connection.QueryAsync<(string RoundId, string Kind, long Cases)>("""
            SELECT r.round_id, r.kind, (SELECT COUNT(*) FROM deep_dive d WHERE d.round_id = r.round_id)
            FROM audit_round r WHERE r.partnership_id = 'demo' AND r.closed_utc >= @S AND r.closed_utc < @E
            """, window)).ToList();
        var deepDives = (await connection.QueryAsync<(string? Grade, string? Comparison)>(
            "SELECT overall_grade, comparison FROM deep_dive WHERE partnership_id = 'demo' AND closed_utc >= @S AND closed_utc < @E", window)).ToList();
        var tasks = (await connection.QueryAsync<(DateTime Due, DateTime? Submitted)>(
            "SELECT due_utc, submitted_utc FROM audit_task WHERE partnership_id = 'demo' AND due_utc >= @S AND due_utc < @E", window)).ToList();
        var failed = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM failed_firing WHERE partnership_id = 'demo' AND scheduled_for_utc >= @S AND scheduled_for_utc < @E", window);
        var late = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM audit_round WHERE partnership_id = 'demo' AND late = 1 AND scheduled_for_utc >= @S AND scheduled_for_utc < @E", window);

        rounds.Should().NotBeEmpty("the demo programme completes rounds between April and June");
        var programme = report.Programme;
        programme.RoundsCompleted.Should().Be(rounds.Count);
        programme.ScheduledRoundsCompleted.Should().Be(rounds.Count(r => r.Kind == "scheduled"));
        programme.ReAuditRoundsCompleted.Should().Be(rounds.Count(r => r.Kind == "re-audit"));
        programme.Rounds.Select(r => (r.RoundId, r.Cases.Count)).Should().BeEquivalentTo(rounds.Select(r => (r.RoundId, (int?)r.Cases)));
        programme.CasesAudited.Count.Should().Be(deepDives.Count);
        programme.Grades.Select(g => (g.Label, g.Figure.Count)).Should().Equal(
            ("Outstanding", deepDives.Count(d => d.Grade == "outstanding")), ("Good", deepDives.Count(d => d.Grade == "good")),
            ("Requires improvement", deepDives.Count(d => d.Grade == "requires-improvement")), ("Inadequate", deepDives.Count(d => d.Grade == "inadequate")));
        programme.ReAuditOutcomes.Select(o => (o.Label, o.Figure.Count)).Should().Equal(
            ("Improved", deepDives.Count(d => d.Comparison == "improved")), ("Same", deepDives.Count(d => d.Comparison == "same")),
            ("Worse", deepDives.Count(d => d.Comparison == "worse")));
        programme.TasksDue.Should().Be(tasks.Count);
        programme.TasksSubmittedLate.Should().Be(tasks.Count(t => t.Submitted > t.Due && t.Submitted < CommitteeFixture.EndUtc));
        programme.TasksOutstanding.Should().Be(tasks.Count(t => t.Submitted is null || t.Submitted >= CommitteeFixture.EndUtc));
        programme.TasksLate.Should().BePositive("the demo's simulated auditors are sometimes late");
        programme.FiringIssues.Should().HaveCount((int)(failed + late));
    }

    [Fact]
    public async Task A_published_report_shows_counts_about_children_under_5_as_fewer_than_5_and_no_case_reference()
    {
        var full = await fixture.ReportAsync(published: false);
        var published = await fixture.ReportAsync(published: true);

        void Hidden(Figure original, Figure shown)
        {
            if (original.Count < 5)
            {
                shown.Should().Be(new Figure(null, "fewer than 5"));
            }
            else
            {
                shown.Shown.Should().BeOneOf(original.Count!.Value.ToString("N0", CultureInfo.InvariantCulture), "not shown");
                shown.Count.Should().Be(shown.Shown == "not shown" ? null : original.Count);
            }
        }

        Hidden(full.Programme.CasesAudited, published.Programme.CasesAudited);
        foreach (var (original, shown) in full.Programme.Grades.Zip(published.Programme.Grades).Concat(full.Programme.ReAuditOutcomes.Zip(published.Programme.ReAuditOutcomes)))
        {
            Hidden(original.Figure, shown.Figure);
        }

        foreach (var (original, shown) in full.Programme.Rounds.Zip(published.Programme.Rounds))
        {
            Hidden(original.Cases, shown.Cases);
        }

        // A breakdown never hides exactly one count: it could be worked out from the total.
        foreach (var breakdown in new[] { published.Programme.Grades, published.Programme.ReAuditOutcomes })
        {
            breakdown.Count(g => g.Figure.Count is null).Should().NotBe(1);
        }

        published.Programme.Grades.Should().Contain(g => g.Figure.Shown == "fewer than 5", "the period had fewer than 5 outstanding grades");
        published.Reviews.Select(r => r.Counts).Should().Equal(full.Reviews.Select(r => r.Counts), "counts of actions are not about children");

        string[] formats = ["html", "csv", "json"];
        await using var connection = await fixture.Database.OpenAsync(CancellationToken.None);
        var references = (await connection.QueryAsync<string>("SELECT case_ref FROM case_record WHERE partnership_id = 'demo'")).ToList();
        foreach (var format in formats)
        {
            var text = CommitteeReportFormats.Render(published, format);
            references.Where(r => text.Contains(r, StringComparison.OrdinalIgnoreCase)).Should().BeEmpty($"the published {format} names no case");
            text.Should().Contain("[case reference removed]");
        }

        CommitteeReportFormats.Render(full, "html").Should().Contain(fixture.MentionedCase).And.Contain(fixture.RoundActions[1].CaseRef);
        CommitteeReportHtml.Render(published).Should().Contain("Published version").And.NotContain("Not for publication");
    }

    [Fact]
    public async Task The_CSV_has_one_row_per_action_with_its_status_at_the_periods_end_and_the_JSON_everything_the_HTML_shows()
    {
        var report = await fixture.ReportAsync(published: false);

        var lines = CommitteeReportFormats.Render(report, "csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("review,review_type,recommendation,action,action_id,owner_agency,owner,due_date,status,status_since,overdue,latest_update,updated_by,evidence,recovery_plan,case_ref");
        lines.Should().HaveCount(1 + report.Totals.Total);
        var included = fixture.Plan.Where(p => p.Review != "Old review").ToList();
        foreach (var planned in included)
        {
            lines.Should().ContainSingle(l => l.Contains($",{Quoted(planned.Action)},", StringComparison.Ordinal)
                && l.Contains($",{planned.Due:yyyy-MM-dd},{RagStatuses.Name(AtEnd(planned.Statuses))},", StringComparison.Ordinal), planned.Action);
        }

        using var json = JsonDocument.Parse(CommitteeReportFormats.Render(report, "json"));
        var root = json.RootElement;
        root.GetProperty("period").GetProperty("label").GetString().Should().Be("1 April 2027 to 30 June 2027");
        root.GetProperty("totalsSentence").GetString().Should().Be(report.Totals.Sentence());
        root.GetProperty("reviews").EnumerateArray().Select(r => (r.GetProperty("name").GetString(), r.GetProperty("sentence").GetString()))
            .Should().Equal(report.Reviews.Select(r => ((string?)r.Name, (string?)r.Sentence)));
        root.GetProperty("reviews")[0].GetProperty("actions")[0].GetProperty("status").GetString().Should().BeOneOf("red", "amber", "green", "blue");
        root.GetProperty("programme").GetProperty("casesAudited").GetProperty("shown").GetString().Should().Be(report.Programme.CasesAudited.Shown);
        var html = CommitteeReportHtml.Render(report);
        foreach (var review in report.Reviews)
        {
            html.Should().Contain(System.Net.WebUtility.HtmlEncode(review.Sentence));
        }
    }

    private static string Quoted(string action) => action.Contains(',', StringComparison.Ordinal) ? $"\"{action}\"" : action;
}
