using DeepDive.Web.Tests.Support;
using Microsoft.Playwright;

namespace DeepDive.Web.Tests.Browser;

/// <summary>A manager runs the programme in a real browser, with the engine running: add a cycle, see its rounds, review and lock a draw.</summary>
public sealed class ProgrammeBrowserTests(LiveApp live) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task A_manager_adds_a_cycle_sees_its_next_rounds_then_replaces_a_case_of_its_rapid_round_and_locks_the_sample()
    {
        var page = await live.SignedInPageAsync(live.People.Manager);
        await page.GotoAsync("/dashboard?year=2027");
        (await page.Locator("svg.app-chart").CountAsync()).Should().Be(4);
        await AxeChecks.ExpectNoViolationsAsync(page, "the dashboard has no accessibility problems axe can find");
        await LiveApp.ScreenshotAsync(page, "dashboard");

        await page.GotoAsync("/cycles");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a cycle" }).ClickAsync();
        await page.GetByLabel("Cycle ID").FillAsync("browser-neglect");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Neglect: rapid deep dive before the inspection");
        await page.GetByLabel("Theme").FillAsync("neglect");
        await page.Locator("#Input_Months-3").CheckAsync();
        await page.Locator("#Input_Months-9").CheckAsync();
        await page.GetByLabel("Agencies (optional)").FillAsync("csc, police");
        await page.GetByLabel("Yes, a manager reviews and locks it").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add cycle" }).ClickAsync();

        // The sample size was left empty: the error summary says so and links to the field.
        (await page.Locator(".govuk-error-summary").TextContentAsync()).Should().Contain("Enter the sample size");
        await page.Locator(".govuk-error-summary a").First.ClickAsync();
        (await page.EvaluateAsync<string>("document.activeElement.id")).Should().Be("Input_SampleSize");
        (await page.GetByLabel("Cycle ID").InputValueAsync()).Should().Be("browser-neglect", "what was typed is kept");
        await AxeChecks.ExpectNoViolationsAsync(page, "the cycle form with an error has no accessibility problems axe can find");
        await LiveApp.ScreenshotAsync(page, "cycle-form-error");

        await page.GetByLabel("Sample size").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add cycle" }).ClickAsync();
        await page.WaitForURLAsync("**/cycles/browser-neglect");
        (await page.Locator(".govuk-notification-banner--success").TextContentAsync()).Should().Contain("Cycle added");
        var next = page.Locator("#next-rounds tbody tr");
        (await next.CountAsync()).Should().Be(10);
        (await next.First.Locator("td").First.TextContentAsync()).Should().MatchRegex("^Monday [0-9]{1,2} (March|September) 20[0-9]{2} at 9am$");
        await AxeChecks.ExpectNoViolationsAsync(page, "the cycle page has no accessibility problems axe can find");
        await LiveApp.ScreenshotAsync(page, "cycle-page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Run a rapid audit" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open the rapid audit" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/rounds/R[0-9a-f]+$"));
        var roundUrl = page.Url;
        (await page.Locator("h1").TextContentAsync()).Should().Contain("Awaiting review");
        await AxeChecks.ExpectNoViolationsAsync(page, "the round page has no accessibility problems axe can find");
        await LiveApp.ScreenshotAsync(page, "round-page");

        await page.GetByRole(AriaRole.Button, new() { Name = "Review the sample" }).ClickAsync();
        var firstCase = (await page.Locator("#sample-list tbody tr").First.Locator("td").Nth(1).TextContentAsync())!.Trim();
        await AxeChecks.ExpectNoViolationsAsync(page, "the review has no accessibility problems axe can find");
        await LiveApp.ScreenshotAsync(page, "review");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Replace case {firstCase}" }).ClickAsync();
        await page.GetByLabel("Why is this case being replaced?").FillAsync("The child's school is being inspected separately");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replace the case" }).ClickAsync();
        (await page.Locator(".govuk-notification-banner--success").TextContentAsync()).Should().Contain($"Case {firstCase} replaced by");
        (await page.Locator("#replaced-list").TextContentAsync()).Should().Contain(firstCase).And.Contain("The child's school is being inspected separately");
        (await page.Locator("#sample-list tbody tr").First.Locator("td").Nth(1).TextContentAsync())!.Trim().Should().NotBe(firstCase);
        await LiveApp.ScreenshotAsync(page, "review-after-replacing");

        await page.GetByRole(AriaRole.Button, new() { Name = "Lock the sample" }).ClickAsync();
        (await page.Locator("h1").TextContentAsync()).Should().Be("Are you sure you want to lock the sample?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lock the sample" }).ClickAsync();
        await page.WaitForURLAsync(roundUrl);
        (await page.Locator(".govuk-notification-banner--success").TextContentAsync()).Should().Contain("Sample locked");

        // The engine takes the locked list on: auditors are assigned and the tasks appear on the round's page.
        await Poller.UntilAsync(async () =>
        {
            await page.ReloadAsync();
            return await page.Locator("#tasks tbody tr").CountAsync();
        }, n => n > 0, "the engine to assign the locked round's tasks");
        (await page.Locator("h1").TextContentAsync()).Should().NotContain("Awaiting review");
        await LiveApp.ScreenshotAsync(page, "round-page-locked");

        await page.GotoAsync("/cycles");
        (await page.Locator("tbody tr", new() { HasText = "browser-neglect" }).CountAsync()).Should().Be(1);
        await AxeChecks.ExpectNoViolationsAsync(page, "the cycle list has no accessibility problems axe can find");
        await LiveApp.ScreenshotAsync(page, "cycles");
        await page.GotoAsync("/rounds");
        (await page.Locator("#rounds tbody tr", new() { HasText = "Neglect: rapid deep dive before the inspection" }).CountAsync()).Should().Be(1);
        await AxeChecks.ExpectNoViolationsAsync(page, "the round list has no accessibility problems axe can find");
        await LiveApp.ScreenshotAsync(page, "rounds");
    }
}
