using DeepDive.Domain.Actions;
using DeepDive.Engine.Actions;
using DeepDive.Web.Tests.Actions;
using DeepDive.Web.Tests.Support;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DeepDive.Web.Tests.Browser;

/// <summary>
/// In Chromium: an owner (an auditor of the owning agency) filters the tracker to their overdue actions, tries to complete
/// one without evidence (the error summary), then rates it green with evidence and a recovery plan and finds the change
/// in its history, and completes it (blue) with evidence. A manager's board and review page. Screenshots of each; axe on each new page.
/// </summary>
public sealed class ActionBrowserTests(LiveApp live) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task An_owner_filters_to_their_overdue_actions_updates_one_to_green_then_completes_it_with_evidence()
    {
        var data = await ActionData.ImportAsync(live.App.Services, live.People);
        var page = await live.SignedInPageAsync(live.People.Auditor);
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Link, new() { Name = "Actions", Exact = true }).ClickAsync();
        await page.Locator("#agency").SelectOptionAsync(new SelectOptionValue { Label = data.Agency });
        await page.GetByLabel("Overdue only").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("overdue=yes", StringComparison.Ordinal));
        (await page.Locator("#actions tbody tr").AllTextContentsAsync()).Should().ContainSingle().Which.Should().Contain(ActionData.OwnOverdue);
        await LiveApp.ScreenshotAsync(page, "actions-tracker");
        await AxeChecks.ExpectNoViolationsAsync(page, page.Url, AxeChecks.Wcag());

        await page.GetByRole(AriaRole.Link, new() { Name = ActionData.OwnOverdue }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Update this action" }).ClickAsync();
        await page.GetByLabel("Complete: complete").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the update" }).ClickAsync();
        var summary = page.Locator(".govuk-error-summary");
        (await summary.Locator("li").AllTextContentsAsync()).Select(t => t.Trim()).Should()
            .Equal("Enter the evidence that the action is complete, or a comment justifying closing it without evidence");
        await LiveApp.ScreenshotAsync(page, "action-update-error");
        await AxeChecks.ExpectNoViolationsAsync(page, page.Url, AxeChecks.Wcag());

        await page.GetByLabel("Green: on track").CheckAsync();
        await page.GetByLabel("Evidence", new() { Exact = true }).FillAsync("Template revised; used at 12 of 14 strategy meetings in November");
        await page.GetByLabel("Recovery plan", new() { Exact = true }).FillAsync("The last two teams adopt the template by 31 January");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the update" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/actions/{data.OwnOverdueId}", StringComparison.Ordinal));
        (await page.Locator(".govuk-notification-banner").TextContentAsync()).Should().Contain("The action has been updated");
        var last = page.Locator("#history tbody tr").Last;
        (await last.TextContentAsync()).Should().Contain("Ade Auditor").And.Contain("Green").And.Contain("12 of 14 strategy meetings");

        // Then the work is done: the owner completes it (blue) with its evidence.
        await page.GetByRole(AriaRole.Link, new() { Name = "Update this action" }).ClickAsync();
        await page.GetByLabel("Complete: complete").CheckAsync();
        await page.GetByLabel("Evidence", new() { Exact = true }).FillAsync("All 14 strategy meetings in January used the template (minutes checked)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the update" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith($"/actions/{data.OwnOverdueId}", StringComparison.Ordinal));
        (await page.Locator("#history tbody tr").Last.TextContentAsync()).Should().Contain("Complete").And.Contain("All 14 strategy meetings");
        var stored = await live.App.Services.GetRequiredService<ActionStore>().GetAsync(DemoPartnership.Id, data.OwnOverdueId, CancellationToken.None);
        stored!.Status.Should().Be(RagStatus.Blue, "the page's change is the stored status");
        await LiveApp.ScreenshotAsync(page, "action-with-history");
        await AxeChecks.ExpectNoViolationsAsync(page, page.Url, AxeChecks.Wcag());
    }

    [Fact]
    public async Task A_manager_sees_the_board_and_a_review_page()
    {
        // Importing the same plan again changes nothing, whichever test of the class runs first.
        await ActionData.ImportAsync(live.App.Services, live.People);
        var page = await live.SignedInPageAsync(live.People.Manager);
        await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal));
        await page.GotoAsync(live.BaseUrl + "/actions/board");
        (await page.Locator("#board section").CountAsync()).Should().Be(4);
        await LiveApp.ScreenshotAsync(page, "actions-board");
        await AxeChecks.ExpectNoViolationsAsync(page, page.Url, AxeChecks.Wcag());

        await page.GotoAsync(live.BaseUrl + "/reviews");
        await LiveApp.ScreenshotAsync(page, "case-reviews");
        await AxeChecks.ExpectNoViolationsAsync(page, page.Url, AxeChecks.Wcag());
        await page.GetByRole(AriaRole.Link, new() { Name = ActionData.Review }).ClickAsync();
        (await page.Locator(".app-recommendation").CountAsync()).Should().Be(2);
        await LiveApp.ScreenshotAsync(page, "case-review");
        await AxeChecks.ExpectNoViolationsAsync(page, page.Url, AxeChecks.Wcag());
        await page.GetByRole(AriaRole.Link, new() { Name = "Change status, sign-off or dates" }).ClickAsync();
        await AxeChecks.ExpectNoViolationsAsync(page, page.Url, AxeChecks.Wcag());
    }
}
