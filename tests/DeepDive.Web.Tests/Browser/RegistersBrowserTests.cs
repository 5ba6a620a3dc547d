using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using DeepDive.Web.Tests.Support;
using Microsoft.Playwright;

namespace DeepDive.Web.Tests.Browser;

/// <summary>A manager's round of the registers, calendars, notifications, learning, reports, users and access log, in Chromium, with screenshots to look at.</summary>
public sealed class RegistersBrowserTests(LiveApp live) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task A_bad_cases_file_chosen_in_the_browser_is_refused_with_every_error_and_the_summary_takes_focus()
    {
        var page = await live.SignedInPageAsync(live.People.Manager);
        await page.GotoAsync("/register/cases/upload");

        await page.GetByLabel("Upload a file of cases").SetInputFilesAsync(new FilePayload
        {
            Name = "cases.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes("case_ref,agency,case_type,team,worker,opened\nBR-1,csc,cin,t,w,2027-13-01\nJane Smith,csc,cin,t,w,2027-01-01\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();

        var errors = await page.Locator(".govuk-error-summary__list a").AllTextContentsAsync();
        errors.Should().HaveCount(3);
        errors[1].Should().Be("line 2, column opened: '2027-13-01' is not a date in the form yyyy-MM-dd");
        errors[2].Should().StartWith("line 3, column case_ref: contains a space");
        (await page.EvaluateAsync<bool>("document.activeElement.closest('.govuk-error-summary') !== null")).Should().BeTrue("GOV.UK Frontend moves focus to the summary");
        await LiveApp.ScreenshotAsync(page, "register-upload-errors");
        await page.Locator(".govuk-error-summary__list a").Nth(1).ClickAsync();
        (await page.EvaluateAsync<string>("document.activeElement.id")).Should().Be("Upload");
    }

    [Fact]
    public async Task A_manager_adds_a_user_in_the_browser_and_sees_the_password_once()
    {
        var page = await live.SignedInPageAsync(live.People.Manager);
        await page.GotoAsync("/users/add");
        await page.GetByLabel("Full name").FillAsync("Sol School");
        await page.GetByLabel("Email address").FillAsync("sol@school-one.test");
        await page.GetByLabel("School", new() { Exact = true }).First.CheckAsync();
        (await page.Locator("#conditional-school").IsVisibleAsync()).Should().BeTrue("the school's field sits under its radio");
        await page.Locator("#Input_School").FillAsync(live.People.SchoolName);
        await LiveApp.ScreenshotAsync(page, "users-add");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();

        await page.WaitForURLAsync("**/password");
        (await page.Locator(".govuk-panel__title").TextContentAsync()).Should().Be("User added");
        (await page.Locator("#password").TextContentAsync()).Should().MatchRegex("^[A-Za-z0-9-]{23}$");
        await LiveApp.ScreenshotAsync(page, "users-password");
        await page.ReloadAsync();
        (await page.Locator("#gone").IsVisibleAsync()).Should().BeTrue();
    }

    [Fact]
    public async Task Each_main_page_opens_for_a_manager_with_its_heading()
    {
        var page = await live.SignedInPageAsync(live.People.Manager);
        var pages = new (string Url, string Heading, string Shot)[]
        {
            ("/register", "Cases and auditors", "register"),
            ("/register/cases?page=3", "Case register", "register-cases"),
            ("/register/auditors", "Auditor pool", "register-auditors"),
            ("/register/conflicts/declare", "Declare a conflict of interest", "register-declare"),
            ("/calendars?year=2027", "Calendar 2027", "calendars"),
            ("/outbox?status=sent", "Notifications", "outbox"),
            ("/learning", "Learning", "learning"),
            ("/reports", "Reports", "reports"),
            ("/users", "Users", "users"),
            ("/access-log", "Access log", "access-log"),
        };
        foreach (var (url, heading, shot) in pages)
        {
            var response = await page.GotoAsync(url);
            response!.Status.Should().Be(200, url);
            (await page.Locator("h1").First.TextContentAsync())!.Trim().Should().Be(heading, url);
            await LiveApp.ScreenshotAsync(page, shot);
        }

        await page.GotoAsync("/learning");
        await page.Locator("#briefs a").First.ClickAsync();
        (await page.Locator("#paper h1").TextContentAsync()).Should().StartWith("7-minute briefing");
        await LiveApp.ScreenshotAsync(page, "learning-brief");

        await page.GotoAsync("/reports");
        await page.Locator("#cycles a").First.ClickAsync();
        (await page.Locator(".govuk-caption-l").TextContentAsync()).Should().Be("Cycle report");
        await LiveApp.ScreenshotAsync(page, "reports-cycle");

        await page.GotoAsync("/register/conflicts/declare");
        await page.GetByRole(AriaRole.Button, new() { Name = "Declare conflict" }).ClickAsync();
        (await page.Locator(".govuk-error-summary__list a").CountAsync()).Should().Be(4);
        await LiveApp.ScreenshotAsync(page, "register-declare-errors");

        await page.GotoAsync("/access-log?From.Day=31&From.Month=2&From.Year=2027");
        (await page.Locator(".govuk-error-summary__list a").AllTextContentsAsync()).Should().Equal("Start date must be a real date", "Enter the end date");
        await LiveApp.ScreenshotAsync(page, "access-log-errors");
    }

    [Fact]
    public async Task A_viewer_reads_a_cycle_report_without_the_cases_section()
    {
        var page = await live.SignedInPageAsync(live.People.Viewer);
        await page.GotoAsync("/reports");
        await page.Locator("#cycles a").First.ClickAsync();

        (await page.Locator("#rounds").IsVisibleAsync()).Should().BeTrue();
        (await page.Locator("[id^=cases-]").CountAsync()).Should().Be(0);
        await LiveApp.ScreenshotAsync(page, "reports-cycle-viewer");
    }

    [Fact]
    public async Task The_pages_inside_each_section_have_no_serious_or_critical_accessibility_violation()
    {
        var page = await live.SignedInPageAsync(live.People.Manager);
        var found = new List<string>();
        async Task CheckAsync(string what)
        {
            AxeResult result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations], Iframes = false });
            found.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{what}: {v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes.Select(n => n.Html))}"));
        }

        foreach (var url in new[]
                 {
                     "/register/cases", "/register/auditors", "/register/conflicts", "/register/conflicts/declare", "/register/cases/upload",
                     "/calendars/terms/upload", "/users/add", "/access-log", "/outbox?status=sent",
                 })
        {
            await page.GotoAsync(url);
            await CheckAsync(url);
        }

        await page.GotoAsync("/register/conflicts/declare");
        await page.GetByRole(AriaRole.Button, new() { Name = "Declare conflict" }).ClickAsync();
        await CheckAsync("declare with errors");
        await page.GotoAsync("/users/add");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await CheckAsync("add user with errors");
        await page.GotoAsync("/access-log?From.Day=31&From.Month=2&From.Year=2027");
        await CheckAsync("access log with errors");
        await page.GotoAsync("/learning");
        await page.Locator("#briefs a").First.ClickAsync();
        await CheckAsync("a learning brief");
        await page.GotoAsync("/learning");
        await page.Locator("[id^=feedback-] a").First.ClickAsync();
        await CheckAsync("a school's feedback");
        await page.GotoAsync("/reports");
        await page.Locator("#cycles a").First.ClickAsync();
        await CheckAsync("a cycle report");
        await page.GotoAsync("/users");
        await page.Locator("#users a").First.ClickAsync();
        await CheckAsync("a user");

        string.Join(Environment.NewLine, found).Should().BeEmpty();
    }
}
