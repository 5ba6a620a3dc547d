using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DeepDive.Engine.Reports;
using DeepDive.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Reports;

/// <summary>The app on a copy of the demo partnership with a small action plan imported (<see cref="CommitteePlan"/>).</summary>
public sealed class CommitteeAppFixture : IAsyncLifetime
{
    private TestApp? app;

    public TestApp App => app ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>A case reference of the register that one action's words name.</summary>
    public string MentionedCase { get; private set; } = "";

    public async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        MentionedCase = await CommitteePlan.ImportAsync(app.Services);
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}

public sealed partial class CommitteeReportTests(CommitteeAppFixture fixture) : IClassFixture<CommitteeAppFixture>
{
    private TestApp App => fixture.App;

    private static string PageUrl(bool published) => $"/reports/committee?{CommitteePlan.Query}{(published ? "&published=true" : "")}";

    /// <summary>The engine's own report for the same period: the oracle for what the page must show.</summary>
    private Task<CommitteeReport> EngineReportAsync(bool published) =>
        App.Services.GetRequiredService<CommitteeReportQuery>().LoadAsync(DemoPartnership.Id, CommitteePlan.Period, published, CancellationToken.None);

    [Fact]
    public async Task The_page_for_a_period_shows_the_engines_report_for_it_review_by_review_and_figure_by_figure()
    {
        var expected = await EngineReportAsync(published: false);
        using var client = await App.SignedInAsync(App.People.Manager);

        var page = await client.GetAsync(PageUrl(published: false));

        page.Status.Should().Be(HttpStatusCode.OK);
        var document = page.Document;
        document.Title.Should().Be("Committee report: 1 April 2027 to 30 June 2027 – DeepDive");
        document.QuerySelector("#not-for-publication").Should().NotBeNull();
        document.QuerySelector("#published-notice").Should().BeNull();
        document.QuerySelectorAll("article[id^=review-] h3").Select(h => h.TextContent.Trim()).Should().Equal(expected.Reviews.Select(r => r.Name));
        foreach (var review in expected.Reviews)
        {
            var article = document.QuerySelector($"#review-{review.ReviewId}")!;
            article.QuerySelector(".app-committee__sentence")!.TextContent.Trim().Should().Be(review.Sentence);
            article.QuerySelectorAll("tr.app-committee__action").Select(r => r.Id).Should().Equal(review.AmberAndRed.Select(a => $"action-{a.ActionId}"));
        }

        document.QuerySelectorAll("article[id^=round-]").Select(a => a.Id).Should().Equal(expected.Rounds.Select(r => $"round-{r.RoundId}"));
        Text("#reviews-count").Should().Be(expected.Reviews.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Text("#review-actions").Should().Be(CommitteeReportText.ReviewActions(expected));
        Text("#round-actions").Should().Be(CommitteeReportText.RoundActions(expected));
        Text("#rounds-completed").Should().Be(CommitteeReportText.RoundsCompleted(expected.Programme));
        Text("#cases-audited").Should().Be(expected.Programme.CasesAudited.Shown);
        Text("#late-tasks").Should().Be(CommitteeReportText.LateTasks(expected.Programme));
        Text("#tasks-due").Should().Be(UkFormat.Number(expected.Programme.TasksDue));
        Cells("#grades").Should().Equal(expected.Programme.Grades.Select(g => $"{g.Label}|{g.Figure.Shown}"));
        Cells("#re-audit-outcomes").Should().Equal(expected.Programme.ReAuditOutcomes.Select(o => $"{o.Label}|{o.Figure.Shown}"));
        document.QuerySelectorAll("#rounds tbody tr td:nth-child(2)").Select(td => td.TextContent).Should().Equal(expected.Programme.Rounds.Select(r => r.RoundId));
        // The chart's figures in a table: one row per review and round, the counts by status and their total.
        Cells("#actions-by-review").Should().Equal(expected.Reviews.Select(r => (r.Name, r.Counts)).Concat(expected.Rounds.Select(r => ($"{r.CycleName} ({r.RoundId})", r.Counts)))
            .Select(g => $"{g.Item1}|{g.Counts.Red}|{g.Counts.Amber}|{g.Counts.Green}|{g.Counts.Blue}|{g.Counts.Total}"));
        document.QuerySelector("#actions-chart svg[role=img] title")!.TextContent.Should().Be("Actions by status, per review");
        document.QuerySelector("#grades-chart svg[role=img] title")!.TextContent.Should().Be("Overall grades of the cases audited");

        string Text(string selector) => document.QuerySelector(selector)!.TextContent.Trim();
        IEnumerable<string> Cells(string table) => document.QuerySelectorAll($"{table} tbody tr")
            .Select(r => string.Join('|', r.Children.Select(c => c.TextContent.Trim())));
    }

    [Fact]
    public async Task The_page_says_what_the_action_plan_and_the_database_say_counted_without_the_report()
    {
        // Rounds closed in the period, counted here from the rounds' own closing times.
        var closed = await App.QueryAsync<DateTime>("SELECT closed_utc FROM audit_round WHERE partnership_id = 'demo' AND closed_utc IS NOT NULL");
        var roundsInPeriod = closed.Count(c => c >= CommitteePlan.StartUtc && c < CommitteePlan.EndUtc);
        roundsInPeriod.Should().BePositive("the demo stretch closes rounds between April and June");
        using var client = await App.SignedInAsync(App.People.Moderator);

        var page = await client.GetAsync(PageUrl(published: false));

        var document = page.Document;
        document.QuerySelectorAll("#rounds tbody tr").Should().HaveCount(roundsInPeriod);
        document.QuerySelector("#rounds-completed")!.TextContent.Should().StartWith($"{roundsInPeriod} (");
        document.QuerySelector("#review-actions")!.TextContent.Trim().Should().Be(CommitteePlan.ReviewActionsSentence);
        var reviews = document.QuerySelectorAll("article[id^=review-]").ToDictionary(a => a.QuerySelector("h3")!.TextContent.Trim());
        reviews.Keys.Should().BeEquivalentTo([CommitteePlan.SamAndKyle, CommitteePlan.ChildR], "the old review's actions were complete before the period and none fell due in it");
        reviews[CommitteePlan.SamAndKyle].QuerySelector(".app-committee__sentence")!.TextContent.Trim().Should().Be(CommitteePlan.SamAndKyleSentence);
        reviews[CommitteePlan.ChildR].QuerySelector(".app-committee__sentence")!.TextContent.Trim().Should().Be(CommitteePlan.ChildRSentence,
            "its amber action was made blue in July, after the period");
        var rows = reviews[CommitteePlan.SamAndKyle].QuerySelectorAll("tr.app-committee__action");
        rows.Should().HaveCount(2);
        var red = rows.Single(r => r.TextContent.Contains(CommitteePlan.OverdueRedAction, StringComparison.Ordinal));
        red.QuerySelector(".govuk-tag")!.TextContent.Should().Be("Red");
        red.TextContent.Should().Contain("30 April 2027").And.Contain("Overdue").And.Contain("Red since 10 May 2027");
        page.Text.Should().Contain(fixture.MentionedCase, "the version not for publication keeps case references");
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM access_log WHERE user_email = @Email AND object_type = 'committee-report' AND object_id = '2027-04-01..2027-06-30'",
            new { Email = App.People.Moderator })).Should().Be(1, "a version with case references is case-level data");
    }

    [Fact]
    public async Task A_viewer_gets_the_published_version_even_when_asking_for_the_other_on_the_page_in_the_downloads_and_from_the_API()
    {
        var expected = await EngineReportAsync(published: true);
        using var client = await App.SignedInAsync(App.People.Viewer);

        var page = await client.GetAsync(PageUrl(published: false));

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelector("#published-notice").Should().NotBeNull();
        page.Document.QuerySelector("#not-for-publication").Should().BeNull();
        page.Document.QuerySelector("input[name=published]").Should().BeNull("a viewer has no choice to make");
        page.Document.QuerySelector("#published-only").Should().NotBeNull();
        var html = await page.Response.Content.ReadAsStringAsync();
        html.Should().NotContain(fixture.MentionedCase).And.Contain("[case reference removed]");
        page.Document.QuerySelector("#cases-audited")!.TextContent.Trim().Should().Be(expected.Programme.CasesAudited.Shown);
        page.Document.QuerySelector("#download-csv")!.GetAttribute("href").Should().EndWith("&format=csv&published=true");

        var csv = await client.Http.GetAsync("/reports/committee/export?from=2027-04-01&to=2027-06-30&format=csv&published=false");
        csv.Content.Headers.ContentDisposition!.FileName.Should().Be("committee-report-2027-04-01-to-2027-06-30-published.csv");
        var text = await csv.Content.ReadAsStringAsync();
        text.Should().Be(CommitteeReportFormats.Csv(expected)).And.NotContain(fixture.MentionedCase);
        text.Split('\n')[0].Should().NotContain("case_ref");

        using var api = await App.ApiAsAsync(App.People.Viewer);
        var json = await api.GetAsync("/api/v1/reports/committee?from=2027-04-01&to=2027-06-30&published=false");
        json.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await json.Content.ReadAsStringAsync();
        JsonDocument.Parse(body).RootElement.GetProperty("published").GetBoolean().Should().BeTrue();
        body.Should().NotContain(fixture.MentionedCase);
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM access_log WHERE user_email = @Email AND object_type = 'committee-report'", new { Email = App.People.Viewer }))
            .Should().Be(0, "the published version has no case-level data");
    }

    [Fact]
    public async Task A_manager_may_ask_for_the_published_version()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var page = await client.GetAsync(PageUrl(published: true));

        page.Document.QuerySelector("#published-notice").Should().NotBeNull();
        page.Document.QuerySelector("input[name=published]")!.HasAttribute("checked").Should().BeTrue();
        (await page.Response.Content.ReadAsStringAsync()).Should().NotContain(fixture.MentionedCase);
    }

    [Theory]
    [InlineData("From.Day=31&From.Month=6&From.Year=2027&To.Day=1&To.Month=7&To.Year=2027", "Enter a real date for the start of the period")]
    [InlineData("From.Day=1&From.Month=4&From.Year=2027&To.Day=1&To.Month=13&To.Year=2027", "Enter a real date for the end of the period")]
    [InlineData("From.Day=1&From.Month=7&From.Year=2027&To.Day=30&To.Month=6&To.Year=2027", "The end date must be the same as or after the start date")]
    [InlineData("From.Day=1&From.Month=4&From.Year=2027", "Enter the end date")]
    [InlineData("From.Day=1&From.Year=2027&To.Day=30&To.Month=6&To.Year=2027", "Start date must include a month")]
    public async Task A_period_that_is_not_one_is_shown_again_with_a_GOV_UK_error_against_its_date(string query, string error)
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var page = await client.GetAsync($"/reports/committee?{query}");

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Errors.Should().Equal(error);
        page.Document.Title.Should().StartWith("Error: ");
        page.Document.QuerySelector("#report").Should().BeNull();
        page.Document.QuerySelectorAll(".govuk-error-message").Select(e => e.TextContent.Trim()).Should().Equal($"Error: {error}");
        var link = page.Document.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href")!;
        page.Document.QuerySelector(link).Should().NotBeNull("the summary links to the date's first box");
    }

    [Fact]
    public async Task The_form_alone_asks_for_a_period_and_the_reports_page_links_to_it()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var form = await client.GetAsync("/reports/committee");
        var reports = await client.GetAsync("/reports");

        form.Status.Should().Be(HttpStatusCode.OK);
        form.Errors.Should().BeEmpty();
        form.Document.QuerySelector("#choose-period").Should().NotBeNull();
        form.Document.QuerySelector("#report").Should().BeNull();
        reports.Document.QuerySelector("#committee-report")!.GetAttribute("href").Should().Be("/reports/committee");
    }

    [Theory]
    [InlineData("csv", "text/csv", "committee-report-2027-04-01-to-2027-06-30.csv")]
    [InlineData("json", "application/json", "committee-report-2027-04-01-to-2027-06-30.json")]
    [InlineData("html", "text/html", "committee-report-2027-04-01-to-2027-06-30.html")]
    public async Task Each_download_is_the_file_the_command_line_writes_with_its_type_and_name(string format, string mediaType, string fileName)
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        var page = await client.GetAsync(PageUrl(published: false));
        var href = page.Document.QuerySelector($"#download-{format}")!.GetAttribute("href")!;

        var response = await client.Http.GetAsync(href);
        var expected = CommitteeReportFormats.Render(await EngineReportAsync(published: false), format);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be(mediaType);
        response.Content.Headers.ContentType.CharSet.Should().Be("utf-8");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileName.Should().Be(fileName);
        Timeless(await response.Content.ReadAsStringAsync()).Should().Be(Timeless(expected));
        expected.Should().Contain(CommitteePlan.SamAndKyle);
    }

    [Fact]
    public async Task The_API_gives_the_JSON_the_command_line_writes_and_names_a_bad_date_in_a_400()
    {
        using var api = await App.ApiAsAsync(App.People.Manager);

        var good = await api.GetAsync("/api/v1/reports/committee?from=2027-04-01&to=2027-06-30");
        var bad = await api.GetAsync("/api/v1/reports/committee?from=2027-02-30&to=2027-06-30");
        var backwards = await api.GetAsync("/api/v1/reports/committee?from=2027-07-01&to=2027-06-30");
        var missing = await api.GetAsync("/api/v1/reports/committee?from=2027-04-01");

        good.StatusCode.Should().Be(HttpStatusCode.OK);
        good.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        Timeless(await good.Content.ReadAsStringAsync()).Should().Be(Timeless(CommitteeReportFormats.Json(await EngineReportAsync(published: false))));
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.ProblemAsync()).Errors.Should().ContainKey("from").And.HaveCount(1);
        (await backwards.ProblemAsync()).Errors.Should().ContainKey("to").WhoseValue.Should().Equal("The end date must be the same as or after the start date");
        (await missing.ProblemAsync()).Errors.Should().ContainKey("to").And.HaveCount(1);
    }

    [Fact]
    public async Task A_download_link_edited_into_nonsense_shows_the_form_with_the_error_and_an_unknown_format_is_not_found()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var bad = await client.GetAsync("/reports/committee/export?from=2027-04-31&to=2027-06-30&format=csv");
        var unknown = await client.GetAsync("/reports/committee/export?from=2027-04-01&to=2027-06-30&format=pdf");

        bad.Status.Should().Be(HttpStatusCode.OK);
        bad.Errors.Should().Equal("Enter a real date for the start of the period, as yyyy-MM-dd");
        unknown.Status.Should().Be(HttpStatusCode.NotFound);
    }

    /// <summary>
    /// The text without what differs between two reports made a moment apart: the moment it was produced, and the
    /// numbers the chart library gives its clip paths.
    /// </summary>
    private static string Timeless(string text) => Produced().Replace(text, "produced");

    [GeneratedRegex("(Produced on [^.<]*|\"generatedUtc\": \"[^\"]*\"|cl_[0-9a-f]+)")]
    private static partial Regex Produced();
}
