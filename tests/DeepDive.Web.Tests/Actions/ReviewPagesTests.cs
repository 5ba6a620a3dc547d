using System.Net;
using DeepDive.Domain.Actions;
using DeepDive.Engine.Actions;
using DeepDive.Web.Tests.Support;
using DeepDive.Web.Tests.Tasks;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Actions;

/// <summary>The case review register, a review's page and a manager's change of its status, sign-off and dates.</summary>
public sealed class ReviewPagesTests : IAsyncLifetime
{
    private TestApp app = null!;
    private ActionData data = null!;

    public async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        data = await ActionData.ImportAsync(app.Services, app.People);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task Register_lists_reviews_with_type_status_and_their_actions()
    {
        using var viewer = await app.SignedInAsync(app.People.Viewer);
        var page = await viewer.GetAsync("/reviews");
        var rows = page.Document.QuerySelectorAll("#reviews tbody tr").Select(r => r.TextContent).ToList();
        rows.Should().HaveCount(2);
        rows.Should().Contain(r => r.Contains(ActionData.Review) && r.Contains("Rapid review") && r.Contains("In progress") && r.Contains("3 actions: 1 amber, 2 green"));
        rows.Should().Contain(r => r.Contains(ActionData.OtherReview) && r.Contains("Local child safeguarding practice review") && r.Contains("1 action: 1 red"));
    }

    [Fact]
    public async Task Review_page_numbers_recommendations_as_the_review_does_with_their_actions()
    {
        using var manager = await app.SignedInAsync(app.People.Manager);
        var page = await manager.GetAsync($"/reviews/{data.ReviewId}");
        var headings = page.Document.QuerySelectorAll(".app-recommendation h3").Select(h => h.TextContent).ToList();
        headings.Should().Equal("Recommendation 1.1: Share chronologies at every strategy meeting",
            "Recommendation 1.2: Strengthen the response to neglect at the front door");
        page.Document.QuerySelectorAll(".app-recommendation")[0].QuerySelectorAll("tbody tr").Should().HaveCount(2);
        (await TaskData.AccessLogAsync(app, app.People.Manager, data.ReviewId)).Should().Contain(("view", null));
    }

    [Fact]
    public async Task An_auditor_sees_a_review_with_only_their_agencys_actions_and_cannot_change_it()
    {
        using var auditor = await app.SignedInAsync(app.People.Auditor);
        var page = await auditor.GetAsync($"/reviews/{data.ReviewId}");
        page.Document.QuerySelectorAll(".app-recommendation tbody tr").Select(r => r.TextContent).Should().HaveCount(2).And.OnlyContain(t => t.Contains(data.Agency));
        (await auditor.GetAsync($"/reviews/{data.ReviewId}/update")).Location.Should().Contain("/forbidden?");
    }

    [Fact]
    public async Task On_hold_needs_its_reason_and_a_bad_date_is_named()
    {
        using var manager = await app.SignedInAsync(app.People.Manager);
        var page = await manager.SubmitAsync($"/reviews/{data.ReviewId}/update", new Dictionary<string, string>
        {
            ["Input.Status"] = "on-hold", ["Input.Reason"] = "", ["Input.PublishedOn.Day"] = "40", ["Input.PublishedOn.Month"] = "1", ["Input.PublishedOn.Year"] = "2027",
        });
        page.Errors.Should().Equal("Enter why the review is on hold, for example a coroner's inquest or a police investigation", "Publication date must be a real date");
        (await app.Services.GetRequiredService<CaseReviewStore>().FindAsync(DemoPartnership.Id, data.ReviewId, CancellationToken.None))!.Status
            .Should().Be(ReviewStatus.InProgress);
    }

    [Fact]
    public async Task Manager_puts_a_review_on_hold_then_records_sign_off_and_publication()
    {
        using var manager = await app.SignedInAsync(app.People.Manager);
        var url = $"/reviews/{data.ReviewId}/update";
        (await manager.SubmitAsync(url, new Dictionary<string, string> { ["Input.Status"] = "on-hold", ["Input.Reason"] = "Coroner's inquest" }))
            .Location.Should().Be($"/reviews/{data.ReviewId}");
        (await manager.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.Status"] = "published", ["Input.Reason"] = "",
            ["Input.IncidentOn.Day"] = "2", ["Input.IncidentOn.Month"] = "11", ["Input.IncidentOn.Year"] = "2025",
            ["Input.SignedOffBy"] = "Partnership executive", ["Input.SignedOffOn.Day"] = "14", ["Input.SignedOffOn.Month"] = "10", ["Input.SignedOffOn.Year"] = "2026",
            ["Input.PublishedOn.Day"] = "1", ["Input.PublishedOn.Month"] = "11", ["Input.PublishedOn.Year"] = "2026",
        })).Location.Should().Be($"/reviews/{data.ReviewId}");
        var page = await manager.GetAsync($"/reviews/{data.ReviewId}");
        page.Document.QuerySelector("#review")!.TextContent.Should().Contain("Partnership executive, 14 October 2026").And.Contain("1 November 2026")
            .And.Contain("364 days (about 1 year)");
        page.Document.QuerySelectorAll("#review-history tbody tr").Select(r => r.TextContent).Should().HaveCount(3)
            .And.Contain(r => r.Contains("On hold") && r.Contains("Coroner's inquest") && r.Contains("Morgan Manager"));
        (await TaskData.AccessLogAsync(app, app.People.Manager, data.ReviewId)).Should().Contain(("change", "changed: published"));
        (await manager.GetAsync("/reviews/CRnosuchreview")).Status.Should().Be(HttpStatusCode.NotFound);
    }
}
