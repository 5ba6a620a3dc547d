using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Feedback;

public sealed class FeedbackApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_school_lists_and_reads_only_its_own_feedback_without_case_references()
    {
        using var client = await App.SignedInAsync(App.People.School);
        var roundId = await App.ScalarAsync<string>("SELECT round_id FROM school_feedback WHERE school = @School", new { School = App.People.SchoolName });
        var refs = await App.QueryAsync<string>("SELECT case_ref FROM deep_dive WHERE round_id = @RoundId", new { RoundId = roundId });

        var list = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/feedback");
        var paper = await client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/feedback/{roundId}/{App.People.SchoolName}");

        list.EnumerateArray().Select(p => p.GetProperty("school").GetString()).Should().NotBeEmpty().And.OnlyContain(s => s == App.People.SchoolName);
        list.EnumerateArray().First().GetProperty("href").GetString().Should().Be($"/api/v1/feedback/{roundId}/{App.People.SchoolName}");
        var markdown = paper.GetProperty("markdown").GetString()!;
        markdown.Should().StartWith($"# Learning feedback for {App.People.SchoolName}").And.Contain("- Case 1: ");
        refs.Should().OnlyContain(r => !markdown.Contains(r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Another_schools_paper_is_a_404_problem_and_a_viewer_is_forbidden()
    {
        using var school = await App.SignedInAsync(App.People.School);
        using var viewer = await App.SignedInAsync(App.People.Viewer);
        using var manager = await App.SignedInAsync(App.People.Manager);
        using var other = await App.SignedInAsync(App.People.OtherPartnershipManager);
        var roundId = await App.ScalarAsync<string>("SELECT round_id FROM school_feedback WHERE school = @School", new { School = App.People.OtherSchoolName });
        var url = $"/api/v1/feedback/{roundId}/{App.People.OtherSchoolName}";

        var refused = await school.Http.GetAsync(url);
        var forbidden = await viewer.Http.GetAsync("/api/v1/feedback");
        var managers = await manager.Http.GetFromJsonAsync<JsonElement>("/api/v1/feedback");
        var crossed = await other.Http.GetAsync(url);
        var othersList = await other.Http.GetFromJsonAsync<JsonElement>("/api/v1/feedback");

        refused.StatusCode.Should().Be(HttpStatusCode.NotFound);
        refused.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await refused.Content.ReadAsStringAsync()).Should().NotContain(App.People.OtherSchoolName);
        forbidden.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        managers.GetArrayLength().Should().Be(await App.ScalarAsync<int>("SELECT COUNT(*) FROM school_feedback WHERE partnership_id = 'demo'"));
        (await manager.Http.GetFromJsonAsync<JsonElement>(url)).GetProperty("markdown").GetString().Should().Contain("Case ");
        crossed.StatusCode.Should().Be(HttpStatusCode.NotFound);
        othersList.GetArrayLength().Should().Be(0);
        (await App.Client().Http.GetAsync("/api/v1/feedback")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
