using System.Net;
using DeepDive.Domain.Actions;
using DeepDive.Engine.Actions;
using DeepDive.Web.Tests.Support;
using DeepDive.Web.Tests.Tasks;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

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

    private Task<PlanAction?> StoredAsync(string id) => app.Services.GetRequiredService<ActionStore>().GetAsync(DemoPartnership.Id, id, CancellationToken.None);

    [Fact]
    public async Task Tracker_lists_every_action_for_a_manager_with_status_tags_and_the_proposed_apart()
    {
        using var manager = await app.SignedInAsync(app.People.Manager);
        var page = await manager.GetAsync("/actions");
        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelectorAll("#actions tbody tr").Should().HaveCount(4);
        var table = page.Document.QuerySelector("#actions")!.TextContent;
        table.Should().Contain(ActionData.OwnOverdue).And.Contain("30 September 2026").And.Contain("Overdue").And.Contain("Amber").And.Contain("Red");
        page.Document.QuerySelector("#proposed-actions")!.TextContent.Should().Contain("Confirm or edit");
    }

    [Fact]
    public async Task Filters_narrow_the_tracker_by_review_agency_status_and_overdue_without_javascript()
    {
        using var manager = await app.SignedInAsync(app.People.Manager);
        (await manager.GetAsync($"/actions?review={data.OtherReviewId}")).Document.QuerySelectorAll("#actions tbody tr").Should().ContainSingle()
            .Which.TextContent.Should().Contain(ActionData.OtherOverdue);
        (await manager.GetAsync($"/actions?agency={Uri.EscapeDataString(data.Agency)}")).Document.QuerySelectorAll("#actions tbody tr").Should().HaveCount(2);
        (await manager.GetAsync("/actions?status=green")).Document.QuerySelectorAll("#actions tbody tr").Should().HaveCount(2);
        var overdue = await manager.GetAsync("/actions?overdue=yes");
        overdue.Document.QuerySelectorAll("#actions tbody tr").Select(r => r.TextContent).Should().HaveCount(2)
            .And.Contain(t => t.Contains(ActionData.OwnOverdue)).And.Contain(t => t.Contains(ActionData.OtherOverdue));
        overdue.Document.QuerySelector("form[method=get] #overdue")!.HasAttribute("checked").Should().BeTrue();
        (await manager.GetAsync("/actions?status=blue")).Document.QuerySelector("#no-actions")!.TextContent.Should().Contain("No actions match");
    }

    [Fact]
    public async Task An_auditor_sees_only_their_agencys_confirmed_actions_and_another_agencys_is_not_found()
    {
        using var auditor = await app.SignedInAsync(app.People.Auditor);
        var page = await auditor.GetAsync("/actions");
        page.Document.QuerySelectorAll("#actions tbody tr").Select(r => r.TextContent).Should().HaveCount(2).And.OnlyContain(t => t.Contains(data.Agency));
        page.Document.QuerySelector("#proposed-actions").Should().BeNull();
        (await auditor.GetAsync($"/actions/{data.OtherAgencyId}")).Status.Should().Be(HttpStatusCode.NotFound);
        (await auditor.GetAsync($"/actions/{data.ProposedId}")).Status.Should().Be(HttpStatusCode.NotFound);
        (await auditor.GetAsync($"/actions/{data.OtherAgencyId}/update")).Status.Should().Be(HttpStatusCode.NotFound);
        (await auditor.GetAsync($"/actions/{data.OwnOverdueId}")).Status.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_school_is_refused_and_another_partnership_finds_nothing()
    {
        using var school = await app.SignedInAsync(app.People.School);
        (await school.GetAsync("/actions")).Location.Should().Contain("/forbidden?");
        (await school.GetAsync("/reviews")).Location.Should().Contain("/forbidden?");
        using var other = await app.SignedInAsync(app.People.OtherPartnershipManager);
        (await other.GetAsync($"/actions/{data.OwnOverdueId}")).Status.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync($"/reviews/{data.ReviewId}")).Status.Should().Be(HttpStatusCode.NotFound);
        (await other.GetAsync("/actions")).Document.QuerySelector("#no-actions").Should().NotBeNull();
    }

    [Fact]
    public async Task Board_shows_four_columns_with_each_card_linking_to_its_action()
    {
        using var manager = await app.SignedInAsync(app.People.Manager);
        var page = await manager.GetAsync("/actions/board");
        page.Document.QuerySelectorAll("#board section h2").Select(h => h.TextContent.Split(' ')[0]).Should().Equal("Red", "Amber", "Green", "Complete");
        var red = page.Document.QuerySelector("#board .app-board__column--red")!;
        red.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Should().Equal($"/actions/{data.OtherOverdueId}");
        page.Document.QuerySelector("#board .app-board__column--green")!.QuerySelectorAll("li").Should().HaveCount(2);
    }

    [Fact]
    public async Task Action_page_shows_source_owner_due_date_status_and_history_and_logs_the_view()
    {
        using var manager = await app.SignedInAsync(app.People.Manager);
        var page = await manager.GetAsync($"/actions/{data.OwnOverdueId}");
        var summary = page.Document.QuerySelector("#action")!.TextContent;
        summary.Should().Contain(ActionData.Review).And.Contain("1.1 Share chronologies").And.Contain(data.Agency).And.Contain("30 September 2026 (overdue)");
        var history = page.Document.QuerySelectorAll("#history tbody tr");
        history.Should().ContainSingle().Which.TextContent.Should().Contain("Imported from a spreadsheet").And.Contain("Amber");
        (await TaskData.AccessLogAsync(app, app.People.Manager, data.OwnOverdueId)).Should().Contain(("view", null));
    }

    [Fact]
    public async Task A_viewer_reads_a_round_action_without_its_case_reference_and_cannot_update()
    {
        var caseRef = await ActionData.CaseRefOfAsync(app.Services, data.ProposedId);
        using var viewer = await app.SignedInAsync(app.People.Viewer);
        var page = await viewer.GetAsync($"/actions/{data.ProposedId}");
        page.Status.Should().Be(HttpStatusCode.OK);
        page.Text.Should().NotContain(caseRef);
        (await viewer.GetAsync($"/actions/{data.OwnOverdueId}/update")).Location.Should().Contain("/forbidden?");
        using var manager = await app.SignedInAsync(app.People.Manager);
        (await manager.GetAsync($"/actions/{data.ProposedId}")).Text.Should().Contain(caseRef);
    }

    [Fact]
    public async Task Owner_updates_status_evidence_and_recovery_plan_and_the_change_is_in_the_history_and_the_access_log()
    {
        using var auditor = await app.SignedInAsync(app.People.Auditor);
        var done = await auditor.SubmitAsync($"/actions/{data.OwnOverdueId}/update", new Dictionary<string, string>
        {
            ["Input.Status"] = "green", ["Input.Evidence"] = "Template revised and in use", ["Input.RecoveryPlan"] = "Roll-out finished by 31 January",
        });
        done.Location.Should().Be($"/actions/{data.OwnOverdueId}");
        var page = await auditor.GetAsync(done.Location!);
        page.Document.QuerySelectorAll("#history tbody tr").Should().HaveCount(2);
        page.Document.QuerySelectorAll("#history tbody tr")[1].TextContent.Should().Contain("Ade Auditor").And.Contain("Green").And.Contain("Template revised and in use");
        var stored = await StoredAsync(data.OwnOverdueId);
        stored!.Status.Should().Be(RagStatus.Green);
        stored.RecoveryPlan.Should().Be("Roll-out finished by 31 January");
        (await TaskData.AccessLogAsync(app, app.People.Auditor, data.OwnOverdueId)).Should().Contain(("change", "updated: status green"));
    }

    [Theory]
    [InlineData("", "", "", "Select the action's status")]
    [InlineData("blue", "", "", "Enter the evidence that the action is complete, or a comment justifying closing it without evidence")]
    [InlineData("red", "", "A plan", "Enter a comment saying why the action is red")]
    [InlineData("green", "", "", "The action is overdue with no recovery plan, so it is red: add a recovery plan or change its due date before rating it green")]
    public async Task Update_refusals_show_as_field_errors_and_change_nothing(string status, string comment, string plan, string error)
    {
        using var manager = await app.SignedInAsync(app.People.Manager);
        var page = await manager.SubmitAsync($"/actions/{data.OwnOverdueId}/update", new Dictionary<string, string>
        {
            ["Input.Status"] = status, ["Input.Comment"] = comment, ["Input.Evidence"] = "", ["Input.RecoveryPlan"] = plan,
        });
        page.Status.Should().Be(HttpStatusCode.OK);
        page.Errors.Should().Equal(error);
        page.Document.QuerySelector(".govuk-error-message")!.TextContent.Should().Contain(error);
        (await StoredAsync(data.OwnOverdueId))!.Status.Should().Be(RagStatus.Amber);
        (await app.Services.GetRequiredService<ActionStore>().HistoryAsync(DemoPartnership.Id, data.OwnOverdueId, CancellationToken.None)).Should().ContainSingle();
    }

    [Fact]
    public async Task A_post_without_the_anti_forgery_token_is_rejected()
    {
        using var manager = await app.SignedInAsync(app.People.Manager);
        var page = await manager.PostAsync($"/actions/{data.OwnOnTrackId}/update", new Dictionary<string, string> { ["Input.Status"] = "blue", ["Input.Comment"] = "Done" });
        page.Status.Should().Be(HttpStatusCode.BadRequest);
        (await StoredAsync(data.OwnOnTrackId))!.Status.Should().Be(RagStatus.Green);
    }

    [Fact]
    public async Task Manager_confirms_a_proposed_action_with_edits_and_date_errors_are_shown()
    {
        using var manager = await app.SignedInAsync(app.People.Manager);
        var url = $"/actions/{data.ProposedId}/confirm";
        var bad = await manager.SubmitAsync(url, new Dictionary<string, string> { ["Input.DueOn.Day"] = "31", ["Input.DueOn.Month"] = "2", ["Input.DueOn.Year"] = "2027" });
        bad.Errors.Should().Equal("Due date must be a real date");
        var empty = await manager.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.Description"] = " ", ["Input.OwnerEmail"] = "not an address", ["Input.DueOn.Day"] = "30", ["Input.DueOn.Month"] = "9", ["Input.DueOn.Year"] = "2027",
        });
        empty.Errors.Should().Equal("Enter what the action is", "Enter the agency that owns the action", "Enter an email address in the correct format, like name@example.com");
        var done = await manager.SubmitAsync(url, new Dictionary<string, string>
        {
            // The form posts every field, as a browser does with the values the page filled in or the manager edited.
            ["Input.Description"] = ActionData.Proposed, ["Input.OwnerAgency"] = data.Agency,
            ["Input.OwnerName"] = "Pat Lead", ["Input.OwnerEmail"] = "pat.lead@csc.example",
            ["Input.DueOn.Day"] = "30", ["Input.DueOn.Month"] = "9", ["Input.DueOn.Year"] = "2027",
        });
        done.Location.Should().Be($"/actions/{data.ProposedId}", string.Join("; ", done.Errors));
        var stored = await StoredAsync(data.ProposedId);
        stored!.IsProposed.Should().BeFalse();
        stored.Status.Should().Be(RagStatus.Green);
        stored.OwnerName.Should().Be("Pat Lead");
        stored.DueOn.Should().Be(new DateOnly(2027, 9, 30));
        (await manager.GetAsync(url)).Location.Should().Be($"/actions/{data.ProposedId}");
        (await TaskData.AccessLogAsync(app, app.People.Manager, data.ProposedId)).Should().Contain(("change", "confirmed"));
    }
}
