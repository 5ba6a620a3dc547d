using System.Net;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Register;

public sealed class RegisterTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task The_register_counts_the_partnerships_cases_and_auditors_by_agency()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        var cases = await App.ScalarAsync<int>("SELECT COUNT(*) FROM case_record WHERE partnership_id = 'demo'");
        var open = await App.ScalarAsync<int>("SELECT COUNT(*) FROM case_record WHERE partnership_id = 'demo' AND closed_on IS NULL");
        var police = await App.ScalarAsync<int>("SELECT COUNT(*) FROM case_record WHERE partnership_id = 'demo' AND agency = 'police'");

        var page = await client.GetAsync("/register");

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelector("#case-count")!.TextContent.Should().Be(cases.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture));
        page.Text.Should().Contain($"{open:#,0} open");
        page.Document.QuerySelector("#auditor-count")!.TextContent.Should().Be("48");
        var policeRow = page.Document.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "police");
        policeRow.QuerySelectorAll("td")[0].TextContent.Should().Be(police.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_case_register_is_searched_by_part_of_a_reference_and_paged_in_reference_order()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        var total = await App.ScalarAsync<int>("SELECT COUNT(*) FROM case_record WHERE partnership_id = 'demo'");
        var ordered = await App.QueryAsync<string>("SELECT case_ref FROM case_record WHERE partnership_id = 'demo' ORDER BY case_ref");

        var first = await client.GetAsync("/register/cases");
        var second = await client.GetAsync("/register/cases?page=2");
        var found = await client.GetAsync("/register/cases?q=" + Uri.EscapeDataString(ordered[7][2..].ToLowerInvariant()));
        var wildcard = await client.GetAsync("/register/cases?q=%25");

        first.Document.QuerySelector("#showing")!.TextContent.Should().Be($"Showing 1 to 50 of {total:#,0} cases");
        Refs(first).Should().Equal(ordered.Take(50));
        first.Document.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href").Should().Be("/register/cases?page=2");
        Refs(second).Should().Equal(ordered.Skip(50).Take(50));
        Refs(found).Should().Contain(ordered[7], "the search ignores case and matches part of a reference");
        wildcard.Document.QuerySelector("#no-results")!.TextContent.Should().Be("No case matches ‘%’.", "a % is searched for, not used as a wildcard");
    }

    [Fact]
    public async Task Reading_the_case_register_is_written_to_the_access_log()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        await client.GetAsync("/register/cases?q=police");

        (await App.ScalarAsync<int>(
                "SELECT COUNT(*) FROM access_log WHERE partnership_id = 'demo' AND user_email = @Email AND action = 'view' AND object_type = 'case-register' AND object_id = 'police'",
                new { Email = App.People.Manager }))
            .Should().Be(1);
    }

    [Fact]
    public async Task The_auditor_pool_is_searched_by_agency_skill_or_name()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        var withEducation = await App.ScalarAsync<int>(
            "SELECT COUNT(*) FROM auditor WHERE partnership_id = 'demo' AND (skills LIKE '%education%' OR agency LIKE '%education%' OR team LIKE '%education%' OR auditor_id LIKE '%education%' OR email LIKE '%education%' OR manager LIKE '%education%' OR name LIKE '%education%')");

        var all = await client.GetAsync("/register/auditors");
        var education = await client.GetAsync("/register/auditors?q=Education");

        all.Document.QuerySelectorAll("#auditors tbody tr").Should().HaveCount(48);
        education.Document.QuerySelectorAll("#auditors tbody tr").Should().HaveCount(withEducation).And.NotBeEmpty();
        education.Document.QuerySelector("#showing")!.TextContent.Should().Contain("matching ‘Education’");
    }

    [Fact]
    public async Task The_pages_are_for_managers_only_and_another_partnerships_manager_sees_only_their_own_register()
    {
        foreach (var email in new[] { App.People.Moderator, App.People.Auditor, App.People.School, App.People.Viewer })
        {
            using var client = await App.SignedInAsync(email);
            foreach (var url in new[] { "/register", "/register/cases", "/register/auditors", "/register/cases/upload", "/register/conflicts", "/register/conflicts/declare" })
            {
                var page = await client.GetAsync(url);
                page.Status.Should().Be(HttpStatusCode.Redirect, $"{email} at {url}");
                page.Location.Should().StartWith("http://localhost/forbidden", $"{email} at {url}");
            }
        }

        using var other = await App.SignedInAsync(App.People.OtherPartnershipManager);
        (await other.GetAsync("/register")).Document.QuerySelector("#case-count")!.TextContent.Should().Be("0");
        (await other.GetAsync("/register/cases")).Document.QuerySelector("#no-results").Should().NotBeNull();
        (await other.GetAsync("/register/auditors")).Document.QuerySelector("#no-results").Should().NotBeNull();
        (await other.GetAsync("/register/nonsense/upload")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    private static IReadOnlyList<string> Refs(BrowserClient.Page page) =>
        [.. page.Document.QuerySelectorAll("#cases tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim())];
}
