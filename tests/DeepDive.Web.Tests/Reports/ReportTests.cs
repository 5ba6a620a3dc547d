using System.Net;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Reports;

public sealed class ReportTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Reports_list_every_cycle_of_the_partnership()
    {
        using var client = await App.SignedInAsync(App.People.Viewer);
        var names = await App.QueryAsync<string>("SELECT name FROM cycle WHERE partnership_id = 'demo'");

        var page = await client.GetAsync("/reports");

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelectorAll("#cycles tbody a").Select(a => a.TextContent).Should().BeEquivalentTo(names);
    }

    [Fact]
    public async Task A_managers_report_shows_each_round_and_the_cases_it_audited_and_the_view_is_logged()
    {
        var cycleId = await BusiestCycleAsync();
        var rounds = await App.ScalarAsync<int>("SELECT COUNT(*) FROM audit_round WHERE partnership_id = 'demo' AND cycle_id = @Id", new { Id = cycleId });
        var refs = await CaseRefsAsync(cycleId);
        using var client = await App.SignedInAsync(App.People.Manager);

        var page = await client.GetAsync($"/reports/{cycleId}");

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelectorAll("#rounds tbody tr").Should().HaveCount(rounds);
        page.Document.QuerySelectorAll("[id^=cases-] tbody tr td:first-child").Select(td => td.TextContent).Should().BeEquivalentTo(refs);
        page.Document.QuerySelector("#re-audit-results")!.TextContent.Should().MatchRegex(@"^Improved \d+, same \d+, worse \d+$");
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM access_log WHERE user_email = @Email AND object_type = 'cycle-report' AND object_id = @Id",
            new { Email = App.People.Manager, Id = cycleId })).Should().Be(1);
    }

    [Fact]
    public async Task A_viewer_reads_the_same_report_without_a_single_case_reference()
    {
        var cycleId = await BusiestCycleAsync();
        var refs = await CaseRefsAsync(cycleId);
        using var client = await App.SignedInAsync(App.People.Viewer);

        var page = await client.GetAsync($"/reports/{cycleId}");

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelectorAll("#rounds tbody tr").Should().NotBeEmpty();
        page.Document.QuerySelectorAll("[id^=cases-]").Should().BeEmpty();
        refs.Should().NotBeEmpty().And.OnlyContain(r => !page.Response.Content.ReadAsStringAsync().Result.Contains(r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_cycle_or_another_partnerships_is_page_not_found_and_tasks_and_schools_have_no_reports()
    {
        var cycleId = await BusiestCycleAsync();
        using var manager = await App.SignedInAsync(App.People.Manager);
        using var other = await App.SignedInAsync(App.People.OtherPartnershipManager);

        (await manager.GetAsync("/reports/no-such-cycle")).Status.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync($"/reports/{cycleId}")).Status.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync("/reports")).Document.QuerySelector("#no-cycles").Should().NotBeNull();
        foreach (var email in new[] { App.People.Auditor, App.People.School })
        {
            using var client = await App.SignedInAsync(email);
            (await client.GetAsync("/reports")).Location.Should().StartWith("http://localhost/forbidden", email);
            (await client.GetAsync($"/reports/{cycleId}")).Location.Should().StartWith("http://localhost/forbidden", email);
        }
    }

    private async Task<string> BusiestCycleAsync() => await App.ScalarAsync<string>("""
        SELECT r.cycle_id FROM audit_round r JOIN deep_dive d ON d.round_id = r.round_id
        WHERE r.partnership_id = 'demo' GROUP BY r.cycle_id ORDER BY COUNT(*) DESC, r.cycle_id
        """);

    private Task<IReadOnlyList<string>> CaseRefsAsync(string cycleId) => App.QueryAsync<string>(
        "SELECT d.case_ref FROM deep_dive d JOIN audit_round r ON r.round_id = d.round_id WHERE r.partnership_id = 'demo' AND r.cycle_id = @Id", new { Id = cycleId });
}
