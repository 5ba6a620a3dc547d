using Dapper;
using DeepDive.Engine.Storage;
using DeepDive.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DeepDive.Web.Tests.Browser;

public sealed class TaskBrowserTests(LiveApp live) : IClassFixture<LiveApp>
{
    private Database Database => live.App.Services.GetRequiredService<Database>();

    [Fact]
    public async Task An_auditor_fills_in_a_task_corrects_a_missing_answer_submits_it_and_the_deep_dive_moves_on()
    {
        // A task that is its deep dive's only one: once it is submitted the deep dive is graded and closes.
        string taskId;
        await using (var connection = await Database.OpenAsync(CancellationToken.None))
        {
            taskId = await connection.QueryFirstAsync<string>("""
                SELECT t.task_id FROM audit_task t
                 WHERE t.auditor_id = @AuditorId AND t.status = 'open'
                   AND (SELECT COUNT(*) FROM audit_task o WHERE o.deep_dive_id = t.deep_dive_id) = 1
                 ORDER BY t.task_id
                """, new { live.People.AuditorId });
        }

        var page = await live.SignedInPageAsync(live.People.Auditor);
        await page.WaitForURLAsync(url => url.EndsWith("/tasks", StringComparison.Ordinal));
        await LiveApp.ScreenshotAsync(page, "tasks-inbox");
        await AxeChecks.ExpectNoViolationsAsync(page, page.Url, AxeChecks.Wcag());

        await page.Locator($"main table a[href='/tasks/{Uri.EscapeDataString(taskId)}']").ClickAsync();
        (await page.Locator("h1").TextContentAsync()).Should().Be($"Audit of case {taskId.Split('/')[1]}");

        await page.Locator("input[name='Input.Grade'][value='good']").CheckAsync();
        foreach (var section in new[] { "recognition of need", "assessment", "planning and intervention", "impact on the child" })
        {
            await page.GetByLabel($"Evidence for {section}", new() { Exact = true }).FillAsync($"Records read for {section}; the work met the child's needs.");
        }

        await page.GetByLabel("Good practice (optional)").FillAsync("The child was seen alone at every visit.\nThe plan was reviewed on time.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        var summary = page.Locator(".govuk-error-summary");
        (await summary.Locator("li").AllTextContentsAsync()).Select(t => t.Trim()).Should().Equal("Enter the evidence for section 4");
        (await page.EvaluateAsync<bool>("document.activeElement.closest('.govuk-error-summary') !== null")).Should()
            .BeTrue("GOV.UK Frontend moves focus to the error summary");
        (await page.Locator("#Input_Sections_3__Evidence-error").TextContentAsync()).Should().Contain("Enter the evidence for section 4");
        await LiveApp.ScreenshotAsync(page, "task-form-error");
        await AxeChecks.ExpectNoViolationsAsync(page, page.Url, AxeChecks.Wcag());

        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter the evidence for section 4" }).ClickAsync();
        (await page.EvaluateAsync<string>("document.activeElement.id")).Should().Be("Input_Sections_3__Evidence");
        await page.Keyboard.TypeAsync("Agencies met and shared information.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/check", StringComparison.Ordinal));
        (await page.Locator("h1").TextContentAsync()).Should().Be("Check your answers before submitting");
        (await page.Locator(".govuk-summary-list__row").Filter(new() { HasText = "Joint working" }).TextContentAsync()).Should()
            .Contain("Agencies met and shared information.");
        await LiveApp.ScreenshotAsync(page, "task-check-answers");
        await AxeChecks.ExpectNoViolationsAsync(page, page.Url, AxeChecks.Wcag());

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/submitted", StringComparison.Ordinal));
        (await page.Locator(".govuk-panel__title").TextContentAsync()).Should().Be("Task submitted");
        await LiveApp.ScreenshotAsync(page, "task-submitted");
        await AxeChecks.ExpectNoViolationsAsync(page, page.Url, AxeChecks.Wcag());

        // The engine runs in the app's process: the submission's event moves the workflow on at once.
        var (status, deepDive, grade) = await Poller.UntilAsync(async () =>
        {
            await using var connection = await Database.OpenAsync(CancellationToken.None);
            return await connection.QuerySingleAsync<(string, string, string?)>("""
                SELECT t.status, d.status, d.overall_grade FROM audit_task t JOIN deep_dive d ON d.deep_dive_id = t.deep_dive_id WHERE t.task_id = @TaskId
                """, new { TaskId = taskId });
        }, r => r.Item1 == "submitted" && r.Item2 != "open", "the task submitted and its deep dive moved on", TimeSpan.FromSeconds(10));
        status.Should().Be("submitted");
        deepDive.Should().BeOneOf("graded", "closed");
        grade.Should().Be("good", "the deep dive's one agency graded it good");

        await page.GetByRole(AriaRole.Link, new() { Name = "View the answers you submitted" }).ClickAsync();
        (await page.Locator("main form").CountAsync()).Should().Be(0, "submitted work is read-only");
        (await page.Locator("main").TextContentAsync()).Should().Contain("Agencies met and shared information.");
        await LiveApp.ScreenshotAsync(page, "task-read-only");
    }

    [Fact]
    public async Task A_manager_pages_through_every_open_task_of_the_partnership()
    {
        var page = await live.SignedInPageAsync(live.People.Manager);
        await page.GotoAsync("/tasks");
        (await page.Locator("main tbody tr").CountAsync()).Should().Be(25);
        await LiveApp.ScreenshotAsync(page, "tasks-all-page-1");
        await AxeChecks.ExpectNoViolationsAsync(page, page.Url, AxeChecks.Wcag());

        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/tasks?page=2", StringComparison.Ordinal));
        (await page.Locator(".govuk-pagination__item--current").TextContentAsync())!.Trim().Should().Be("2");
        await LiveApp.ScreenshotAsync(page, "tasks-all-page-2");
        await AxeChecks.ExpectNoViolationsAsync(page, page.Url, AxeChecks.Wcag());
    }

    /// <summary>
    /// axe-core's WCAG 2.2 A and AA rules. Its best-practice "region" rule is left out: GOV.UK's page template puts the back
    /// link before the main landmark, by design.
    /// </summary>
}
