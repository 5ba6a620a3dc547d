using System.Net;
using DeepDive.Web.Tests.Support;
using FluentAssertions;

namespace DeepDive.Web.Tests.Actions;

/// <summary>The action tracker, the board, an action's page and its forms, in process on the demo partnership with a small plan imported.</summary>
public sealed class ActionPagesTests : IAsyncLifetime
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
    public async Task Tracker_lists_every_action_for_a_manager_with_status_tags_and_the_proposed_apart()
    {
        using var manager = await app.SignedInAsync(app.People.Manager);
        var page = await manager.GetAsync("/actions");
        page.Status.Should().Be(HttpStatusCode.OK);
        var rows = page.Document.QuerySelectorAll("#actions tbody tr");
        rows.Should().HaveCount(4);
        page.Document.QuerySelector("#actions")!.TextContent.Should().Contain(ActionData.OwnOverdue).And.Contain("30 September 2026").And.Contain("Overdue");
        page.Document.QuerySelector("#proposed-actions")!.TextContent.Should().Contain(ActionData.Proposed).And.Contain("Confirm or edit");
    }
}
