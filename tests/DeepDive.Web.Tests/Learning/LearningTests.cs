using System.Net;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Learning;

public sealed class LearningTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Learning_lists_every_brief_and_each_rounds_schools_feedback()
    {
        using var client = await App.SignedInAsync(App.People.Moderator);
        var briefs = await App.QueryAsync<string>("SELECT title FROM learning_brief WHERE partnership_id = 'demo'");
        var schools = await App.QueryAsync<string>("SELECT school FROM school_feedback WHERE partnership_id = 'demo'");

        var page = await client.GetAsync("/learning");

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelectorAll("#briefs tbody tr a").Select(a => a.TextContent).Should().BeEquivalentTo(briefs);
        page.Document.QuerySelectorAll("[id^=feedback-] a").Select(a => a.TextContent).Should().BeEquivalentTo(schools);
    }

    [Fact]
    public async Task A_brief_reads_as_GOV_UK_headings_and_lists_not_as_Markdown()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        var (roundId, title) = (await App.QueryAsync<(string, string)>("SELECT round_id, title FROM learning_brief WHERE partnership_id = 'demo' ORDER BY created_utc")).First();

        var page = await client.GetAsync($"/learning/briefs/{roundId}");

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelector("#paper h1.govuk-heading-l")!.TextContent.Should().Be(title);
        page.Document.QuerySelectorAll("#paper h2.govuk-heading-m").Select(h => h.TextContent).Should().StartWith(["1. Background", "2. Findings"]);
        page.Document.QuerySelectorAll("#paper ul.govuk-list--bullet li").Should().NotBeEmpty();
        page.Document.QuerySelector("#paper")!.TextContent.Should().NotContain("## ").And.NotContain("\n- ");
        page.Document.Title.Should().StartWith(title);
    }

    [Fact]
    public async Task An_unknown_round_or_another_partnerships_brief_is_page_not_found()
    {
        var roundId = (await App.QueryAsync<string>("SELECT round_id FROM learning_brief WHERE partnership_id = 'demo'")).First();
        using var manager = await App.SignedInAsync(App.People.Manager);
        using var other = await App.SignedInAsync(App.People.OtherPartnershipManager);

        var unknown = await manager.GetAsync("/learning/briefs/R-no-such-round");
        var crossed = await other.GetAsync($"/learning/briefs/{roundId}");

        unknown.Status.Should().Be(HttpStatusCode.NotFound);
        crossed.Status.Should().Be(HttpStatusCode.NotFound);
        crossed.Document.QuerySelector("h1")!.TextContent.Should().Be("Page not found");
        (await other.GetAsync("/learning")).Document.QuerySelector("#no-briefs").Should().NotBeNull();
    }

    [Fact]
    public async Task Learning_is_for_managers_and_moderators()
    {
        var roundId = (await App.QueryAsync<string>("SELECT round_id FROM learning_brief WHERE partnership_id = 'demo'")).First();
        foreach (var email in new[] { App.People.Auditor, App.People.School, App.People.Viewer })
        {
            using var client = await App.SignedInAsync(email);
            (await client.GetAsync("/learning")).Location.Should().StartWith("http://localhost/forbidden", email);
            (await client.GetAsync($"/learning/briefs/{roundId}")).Location.Should().StartWith("http://localhost/forbidden", email);
        }
    }
}
