using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Dapper;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Dashboard;

public sealed partial class DashboardTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task The_year_shows_rounds_by_status_grades_and_re_audits_as_charts_with_the_same_figures_in_tables()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var page = await client.GetAsync("/dashboard?year=2027");

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelector("h1")!.TextContent.Should().Be("2027");
        await using var connection = await App.Database.OpenAsync(CancellationToken.None);
        var byStatus = (await connection.QueryAsync<(string Status, long Count)>(
            "SELECT status, COUNT(*) FROM audit_round WHERE partnership_id = 'demo' AND started_utc LIKE '2027-%' GROUP BY status")).ToDictionary(r => r.Status, r => (int)r.Count);
        byStatus.Values.Sum().Should().BeGreaterThan(0, "the demo year opened rounds");
        Figures(page.Document, "chart-rounds").Should().Equal(
            ("Drawing the sample", byStatus.GetValueOrDefault("drawing")), ("Sample awaiting review", byStatus.GetValueOrDefault("awaiting-review")),
            ("Sample locked", byStatus.GetValueOrDefault("sample-locked")), ("In progress", byStatus.GetValueOrDefault("in-progress")),
            ("Closed", byStatus.GetValueOrDefault("closed")), ("Total", byStatus.Values.Sum()));

        var grades = (await connection.QueryAsync<(string Grade, long Count)>("""
            SELECT overall_grade, COUNT(*) FROM deep_dive
            WHERE partnership_id = 'demo' AND overall_grade IS NOT NULL AND first_deep_dive_id IS NULL AND closed_utc LIKE '2027-%' GROUP BY overall_grade
            """)).ToDictionary(r => r.Grade, r => (int)r.Count);
        Figures(page.Document, "chart-grades").Should().Equal(
            ("Outstanding", grades.GetValueOrDefault("outstanding")), ("Good", grades.GetValueOrDefault("good")),
            ("Requires improvement", grades.GetValueOrDefault("requires-improvement")), ("Inadequate", grades.GetValueOrDefault("inadequate")),
            ("Total", grades.Values.Sum()));

        var outcomes = (await connection.QueryAsync<(string Comparison, long Count)>(
            "SELECT comparison, COUNT(*) FROM deep_dive WHERE partnership_id = 'demo' AND comparison IS NOT NULL AND closed_utc LIKE '2027-%' GROUP BY comparison"))
            .ToDictionary(r => r.Comparison, r => (int)r.Count);
        outcomes.GetValueOrDefault("improved").Should().BeGreaterThan(0, "the demo's first re-audits closed by July");
        Figures(page.Document, "chart-re-audits").Should().Equal(
            ("Improved", outcomes.GetValueOrDefault("improved")), ("Same", outcomes.GetValueOrDefault("same")), ("Worse", outcomes.GetValueOrDefault("worse")),
            ("Total", outcomes.Values.Sum()));
    }

    [Fact]
    public async Task Each_chart_is_an_image_with_a_title_a_text_alternative_and_bars_labelled_with_their_figures()
    {
        using var client = await App.SignedInAsync(App.People.Moderator);

        var page = await client.GetAsync("/dashboard?year=2027");

        var charts = page.Document.QuerySelectorAll("svg.app-chart");
        charts.Should().HaveCount(4);
        foreach (var svg in charts)
        {
            svg.GetAttribute("role").Should().Be("img");
            var ids = svg.GetAttribute("aria-labelledby")!.Split(' ');
            ids.Should().HaveCount(2);
            var title = page.Document.GetElementById(ids[0])!;
            var description = page.Document.GetElementById(ids[1])!;
            title.LocalName.Should().Be("title");
            description.TextContent.Should().StartWith(title.TextContent + ":");
            var table = svg.ParentElement!.QuerySelector("details table")!;
            foreach (var row in table.QuerySelectorAll("tbody tr").SkipLast(1))
            {
                var label = row.QuerySelector("th")!.TextContent.Trim();
                var value = row.QuerySelector("td")!.TextContent.Trim();
                description.TextContent.Should().Contain($"{label} {value}", "the text alternative gives every figure");
                svg.QuerySelectorAll("text.app-chart__label").Select(t => t.TextContent).Should().Contain(label);
            }

            // Neighbouring bars differ by pattern, not only by colour.
            svg.QuerySelectorAll("pattern").Select(p => p.InnerHtml.Contains("path", StringComparison.Ordinal) || p.InnerHtml.Contains("circle", StringComparison.Ordinal))
                .Skip(1).Should().AllSatisfy(patterned => patterned.Should().BeTrue());
        }

        page.Document.QuerySelectorAll("[style]").Should().BeEmpty("the Content-Security-Policy forbids inline styles");
        page.Document.QuerySelectorAll("main script").Should().BeEmpty();
    }

    [Fact]
    public async Task Tasks_due_in_a_month_are_split_into_on_time_late_open_and_overdue()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var page = await client.GetAsync("/dashboard?year=2027&month=2027-06");

        await using var connection = await App.Database.OpenAsync(CancellationToken.None);
        // June 2027 in London is 31 May 23:00 to 30 June 23:00 UTC (summer time).
        var tasks = (await connection.QueryAsync<(string Status, long Late)>("""
            SELECT status, late FROM audit_task
            WHERE partnership_id = 'demo' AND due_utc >= '2027-05-31 23:00:00' AND due_utc < '2027-06-30 23:00:00'
            """)).ToList();
        tasks.Should().NotBeEmpty("the demo has tasks due in June 2027");
        var now = DateTime.UtcNow;
        now.Year.Should().BeLessThan(2028, "this test reads the demo's 2027 as the future or the present");
        var onTime = tasks.Count(t => t.Status == "submitted" && t.Late == 0);
        var late = tasks.Count(t => t.Status == "submitted" && t.Late != 0);
        var open = tasks.Count(t => t.Status != "submitted");
        var table = Figures(page.Document, "chart-tasks");
        table.Take(2).Should().Equal(("Submitted on time", onTime), ("Submitted late", late));
        (table[2].Value + table[3].Value).Should().Be(open);
        table[^1].Should().Be(("Total", tasks.Count));
        page.Document.QuerySelector("#chart-tasks figcaption")!.TextContent.Should().Be("Tasks due in June 2027");
        Figure(page.Document, "Tasks due in June 2027").Should().Be(tasks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        page.Document.QuerySelectorAll("nav[aria-label=Months] a").Select(a => a.GetAttribute("href"))
            .Should().Equal("/dashboard?year=2027&month=2027-05#tasks", "/dashboard?year=2027&month=2027-07#tasks");
    }

    [Fact]
    public async Task A_viewer_sees_the_figures_but_no_case_reference_and_no_links_to_rounds()
    {
        using var client = await App.SignedInAsync(App.People.Viewer);

        var page = await client.GetAsync("/dashboard?year=2027");

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelectorAll("svg.app-chart").Should().HaveCount(4);
        CaseReference().IsMatch(page.Document.Body!.InnerHtml).Should().BeFalse();
        page.Document.QuerySelectorAll("a[href^='/rounds']").Should().BeEmpty("a viewer cannot open rounds");
    }

    [Fact]
    public async Task A_manager_is_told_which_samples_wait_for_review()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        await using (var connection = await App.Database.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE audit_round SET status = 'awaiting-review' WHERE round_id = 'Rfa77e0ee6f7' AND partnership_id = 'demo'");
        }

        try
        {
            var page = await client.GetAsync("/dashboard");
            page.Document.QuerySelector(".govuk-notification-banner")!.TextContent.Should().Contain("1 sample is waiting for you to review and lock");
            page.Document.QuerySelector(".govuk-notification-banner a")!.GetAttribute("href").Should().Be("/rounds/Rfa77e0ee6f7/review");

            using var moderator = await App.SignedInAsync(App.People.Moderator);
            (await moderator.GetAsync("/dashboard")).Document.QuerySelector(".govuk-notification-banner").Should().BeNull("moderators do not lock samples");
        }
        finally
        {
            await using var connection = await App.Database.OpenAsync(CancellationToken.None);
            await connection.ExecuteAsync("UPDATE audit_round SET status = 'in-progress' WHERE round_id = 'Rfa77e0ee6f7'");
        }
    }

    [Fact]
    public async Task Years_with_rounds_are_linked_and_a_year_out_of_range_or_a_bad_month_is_not_found()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var thisYear = await client.GetAsync("/dashboard");
        var year = DateTime.UtcNow.Year;
        thisYear.Document.QuerySelector("h1")!.TextContent.Should().Be(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        thisYear.Document.QuerySelector("nav[aria-label=Years] a[rel=next]")!.GetAttribute("href").Should().Be($"/dashboard?year={year + 1}");

        (await client.GetAsync("/dashboard?year=2027")).Document.QuerySelector("nav[aria-label=Years] a[rel=next]").Should().BeNull("no round opened after 2027");
        (await client.GetAsync("/dashboard?year=1900")).Status.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/dashboard?month=2027-13")).Status.Should().Be(HttpStatusCode.NotFound);
        (await client.GetAsync("/dashboard?year=2026&month=2027-01")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("school")]
    public async Task Auditors_and_schools_are_refused(string who)
    {
        using var client = await App.SignedInAsync(who == "auditor" ? App.People.Auditor : App.People.School);

        var page = await client.GetAsync("/dashboard");

        page.ShouldBeForbidden();
    }

    /// <summary>A chart's figures as its table gives them, in order, the total last.</summary>
    private static List<(string Label, int Value)> Figures(IDocument document, string chartId) =>
        [.. document.GetElementById(chartId)!.QuerySelectorAll("details tbody tr")
            .Select(r => (r.QuerySelector("th")!.TextContent.Trim(), int.Parse(r.QuerySelector("td")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture)))];

    private static string Figure(IDocument document, string label) =>
        document.QuerySelectorAll(".app-figures__item").Single(i => i.QuerySelector("dt")!.TextContent.Trim() == label).QuerySelector("dd")!.TextContent.Trim();

    [GeneratedRegex(@"\b[A-Z]{2,4}-\d{4}-\d{6}\b")]
    private static partial Regex CaseReference();
}
