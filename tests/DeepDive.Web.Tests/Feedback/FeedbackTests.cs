using System.Net;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Feedback;

public sealed class FeedbackTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_school_lists_only_its_own_feedback_from_every_round()
    {
        using var client = await App.SignedInAsync(App.People.School);
        var own = await App.ScalarAsync<int>("SELECT COUNT(*) FROM school_feedback WHERE partnership_id = 'demo' AND school = @School", new { School = App.People.SchoolName });

        var page = await client.GetAsync("/feedback");

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelector("h1")!.TextContent.Should().Be("Your school's feedback");
        var links = page.Document.QuerySelectorAll("#feedback tbody a").Select(a => a.GetAttribute("href")!).ToList();
        links.Should().HaveCount(own).And.OnlyContain(href => href.EndsWith("/" + App.People.SchoolName, StringComparison.Ordinal));
        page.Text.Should().NotContain(App.People.OtherSchoolName);
    }

    [Fact]
    public async Task A_school_reads_its_feedback_with_its_cases_numbered_not_referenced_and_the_view_is_logged()
    {
        using var client = await App.SignedInAsync(App.People.School);
        var roundId = await RoundOfAsync(App.People.SchoolName);
        var refs = await App.QueryAsync<string>("SELECT case_ref FROM deep_dive WHERE round_id = @RoundId", new { RoundId = roundId });
        var body = await App.ScalarAsync<string>("SELECT body FROM school_feedback WHERE round_id = @RoundId AND school = @School", new { RoundId = roundId, School = App.People.SchoolName });
        body.Should().Contain("Case " + refs.First(r => body.Contains(r, StringComparison.Ordinal)), "the stored feedback names the cases, which the page must not");

        var page = await client.GetAsync($"/feedback/{roundId}/{App.People.SchoolName}");

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelector("#paper h1")!.TextContent.Should().StartWith($"Learning feedback for {App.People.SchoolName}");
        page.Document.QuerySelectorAll("#paper li").Select(li => li.TextContent).Should().Contain(li => li.StartsWith("Case 1: ", StringComparison.Ordinal));
        foreach (var caseRef in refs)
        {
            page.Text.Should().NotContain(caseRef);
        }

        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM access_log WHERE user_email = @Email AND object_type = 'school-feedback' AND object_id = @Id",
            new { Email = App.People.School, Id = $"{roundId}/{App.People.SchoolName}" })).Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Another_schools_feedback_is_page_not_found_for_a_school_but_readable_with_references_by_a_manager()
    {
        var roundId = await RoundOfAsync(App.People.OtherSchoolName);
        var url = $"/feedback/{roundId}/{App.People.OtherSchoolName}";
        using var school = await App.SignedInAsync(App.People.School);
        using var manager = await App.SignedInAsync(App.People.Manager);
        using var moderator = await App.SignedInAsync(App.People.Moderator);
        var refs = await App.QueryAsync<string>("SELECT d.case_ref FROM deep_dive d JOIN case_record c ON c.partnership_id = d.partnership_id AND c.case_ref = d.case_ref WHERE d.round_id = @RoundId AND c.school = @School",
            new { RoundId = roundId, School = App.People.OtherSchoolName });

        var refused = await school.GetAsync(url);
        var upperCase = await school.GetAsync($"/feedback/{roundId}/{App.People.OtherSchoolName.ToLowerInvariant()}");
        var read = await manager.GetAsync(url);

        refused.Status.Should().Be(HttpStatusCode.NotFound);
        refused.Document.QuerySelector("h1")!.TextContent.Should().Be("Page not found");
        refused.Text.Should().NotContain(App.People.OtherSchoolName);
        upperCase.Status.Should().Be(HttpStatusCode.NotFound);
        read.Status.Should().Be(HttpStatusCode.OK);
        read.Text.Should().Contain(refs.First());
        (await moderator.GetAsync(url)).Status.Should().Be(HttpStatusCode.OK);
        (await school.GetAsync($"/feedback/R-no-such-round/{App.People.SchoolName}")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_partnership_and_the_roles_without_feedback_cannot_read_it()
    {
        var roundId = await RoundOfAsync(App.People.SchoolName);
        var url = $"/feedback/{roundId}/{App.People.SchoolName}";
        using var other = await App.SignedInAsync(App.People.OtherPartnershipManager);

        (await other.GetAsync(url)).Status.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync("/feedback")).Document.QuerySelector("#no-feedback").Should().NotBeNull();
        foreach (var email in new[] { App.People.Auditor, App.People.Viewer })
        {
            using var client = await App.SignedInAsync(email);
            (await client.GetAsync("/feedback")).Location.Should().StartWith("http://localhost/forbidden", email);
            (await client.GetAsync(url)).Location.Should().StartWith("http://localhost/forbidden", email);
        }
    }

    private async Task<string> RoundOfAsync(string school) =>
        await App.ScalarAsync<string>("SELECT round_id FROM school_feedback WHERE partnership_id = 'demo' AND school = @School ORDER BY created_utc DESC", new { School = school });
}
