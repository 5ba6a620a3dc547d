using System.Net;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Tasks;

public sealed class TaskPageTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    private static Dictionary<string, string> Summary(BrowserClient.Page page) =>
        page.Document.QuerySelectorAll("main dl.govuk-summary-list")[0].QuerySelectorAll(".govuk-summary-list__row")
            .ToDictionary(r => r.QuerySelector("dt")!.TextContent.Trim(), r => System.Text.RegularExpressions.Regex.Replace(r.QuerySelector("dd")!.TextContent.Trim(), @"\s+", " "));

    [Fact]
    public async Task The_task_page_shows_the_case_the_round_and_the_due_date_and_the_answer_form_and_logs_the_view()
    {
        var task = (await TaskData.OpenTasksAsync(App, App.People.AuditorId))[0];
        using var client = await App.SignedInAsync(App.People.Auditor);

        var page = await client.GetAsync(TaskData.Url(task));

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelector("h1")!.TextContent.Should().Be($"Audit of case {task.Split('/')[1]}");
        var summary = Summary(page);
        summary["Case reference"].Should().Be(task.Split('/')[1]);
        summary["Auditing agency"].Should().Be("csc");
        summary.Keys.Should().Contain(["Case type", "Team", "Case opened", "Round", "Theme", "Audit tool", "Auditor", "Due date"]);
        summary["Case type"].Should().NotBe("Not in the case register");
        summary["Case opened"].Should().MatchRegex(@"^\d{1,2} [A-Z][a-z]+ \d{4}$");
        summary["Round"].Should().EndWith("multi-agency deep dive");
        summary["Audit tool"].Should().MatchRegex(@"version \d+$");
        summary["Auditor"].Should().Be(await TaskData.AuditorNameAsync(App, App.People.AuditorId));
        summary["Due date"].Should().MatchRegex(@"^[A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ 2027 at \d{1,2}(:\d\d)?(am|pm)$");

        var form = page.Document.QuerySelector("main form")!;
        form.QuerySelectorAll("input[name='Input.Grade'][type=radio]").Select(r => r.GetAttribute("value")).Should()
            .Equal("outstanding", "good", "requires-improvement", "inadequate");
        form.QuerySelectorAll("textarea[name$='.Evidence']").Should().HaveCount(5);
        form.QuerySelectorAll("textarea").Select(t => t.GetAttribute("name")).Should()
            .Contain(["Input.GoodPractice", "Input.AreasForDevelopment", "Input.Recommendations", "Input.SafeguardingConcern"]);
        form.QuerySelectorAll("button").Select(b => b.TextContent.Trim()).Should().Equal("Continue", "Save as draft");

        (await TaskData.AccessLogAsync(App, App.People.Auditor, task)).Should().Contain(("view", null));
    }

    [Fact]
    public async Task Continue_with_nothing_filled_in_shows_each_problem_in_the_summary_linked_to_its_field_and_against_it()
    {
        var task = (await TaskData.OpenTasksAsync(App, App.People.AuditorId))[1];
        using var client = await App.SignedInAsync(App.People.Auditor);

        var page = await client.SubmitAsync(TaskData.Url(task), new Dictionary<string, string>());

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.Title.Should().StartWith("Error: ");
        page.Errors.Should().Equal("Select the overall grade", "Enter the evidence for section 1", "Enter the evidence for section 2",
            "Enter the evidence for section 3", "Enter the evidence for section 4", "Enter the evidence for section 5");
        var links = page.Document.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        links[0].Should().Be("#Input_Grade");
        links[2].Should().Be("#Input_Sections_1__Evidence");
        page.Document.QuerySelector("#Input_Grade")!.GetAttribute("type").Should().Be("radio", "the summary links to the first radio");
        page.Document.QuerySelector("#Input_Sections_1__Evidence")!.TagName.Should().Be("TEXTAREA");
        page.Document.QuerySelector("#Input_Grade-error")!.TextContent.Should().Contain("Select the overall grade");
        page.Document.QuerySelector("#Input_Sections_1__Evidence-error")!.TextContent.Should().Contain("Enter the evidence for section 2");
    }

    [Fact]
    public async Task Continue_with_one_evidence_left_empty_names_that_section_keeps_what_was_typed_and_goes_on_once_it_is_given()
    {
        var task = (await TaskData.OpenTasksAsync(App, App.People.AuditorId))[1];
        using var client = await App.SignedInAsync(App.People.Auditor);

        var page = await client.SubmitAsync(TaskData.Url(task), TaskData.CompleteForm(("Input.Sections[1].Evidence", "  ")));

        page.Errors.Should().Equal("Enter the evidence for section 2");
        page.Document.QuerySelector("#Input_Sections_0__Evidence")!.TextContent.Should().Be("Evidence for section 1: records read and the worker spoken to.");
        page.Document.QuerySelector("input[name='Input.Grade'][value='requires-improvement']")!.HasAttribute("checked").Should().BeTrue();

        var done = await client.SubmitAsync(TaskData.Url(task), TaskData.CompleteForm());
        done.Status.Should().Be(HttpStatusCode.Redirect);
        done.Location.Should().Be(TaskData.Url(task, "check"));
    }

    [Fact]
    public async Task A_grade_that_is_not_on_the_scale_is_refused_even_for_a_draft()
    {
        var task = (await TaskData.OpenTasksAsync(App, App.People.AuditorId))[2];
        using var client = await App.SignedInAsync(App.People.Auditor);

        var page = await client.SubmitAsync(TaskData.Url(task), new Dictionary<string, string> { ["Input.Grade"] = "brilliant" }, handler: "draft");

        page.Errors.Should().ContainSingle().Which.Should().StartWith("'brilliant' is not a grade");
        (await TaskData.DraftAsync(App, task)).Should().BeNull();
    }

    [Fact]
    public async Task Save_as_draft_keeps_the_answers_across_signing_out_and_in_and_logs_the_change()
    {
        var task = (await TaskData.OpenTasksAsync(App, App.People.OtherAuditorId))[0];
        using (var client = await App.SignedInAsync(App.People.OtherAuditor))
        {
            var saved = await client.SubmitAsync(TaskData.Url(task),
                new Dictionary<string, string> { ["Input.Sections[0].Evidence"] = "Half written.", ["Input.Grade"] = "good" }, handler: "draft");

            saved.Status.Should().Be(HttpStatusCode.Redirect);
            saved.Location.Should().Be(TaskData.Url(task) + "?saved=true");
            var banner = await client.GetAsync(saved.Location!);
            banner.Document.QuerySelector(".govuk-notification-banner--success")!.TextContent.Should().Contain("Your answers have been saved as a draft.");
            await client.SubmitAsync("/sign-out", new Dictionary<string, string>());
        }

        (await TaskData.DraftAsync(App, task)).Should().Contain("Half written.");
        using var again = await App.SignedInAsync(App.People.OtherAuditor);
        var page = await again.GetAsync(TaskData.Url(task));
        page.Document.QuerySelector("#Input_Sections_0__Evidence")!.TextContent.Should().Be("Half written.");
        page.Document.QuerySelector("input[name='Input.Grade'][value='good']")!.HasAttribute("checked").Should().BeTrue();
        page.Text.Should().Contain("You last saved a draft on");
        (await again.GetAsync("/tasks")).Document.QuerySelectorAll("main tbody tr")
            .Single(r => r.QuerySelector("a")!.GetAttribute("href") == TaskData.Url(task)).QuerySelector(".govuk-tag")!.TextContent.Should().Be("Draft saved");
        (await TaskData.AccessLogAsync(App, App.People.OtherAuditor, task)).Should().Contain(("change", "saved a draft"));
    }

    [Fact]
    public async Task Another_auditors_task_a_closed_rounds_task_an_unknown_task_and_another_partnerships_are_page_not_found()
    {
        var others = (await TaskData.OpenTasksAsync(App, App.People.OtherAuditorId))[0];
        var closed = await TaskData.ClosedRoundTaskAsync(App, App.People.AuditorId);
        using var auditor = await App.SignedInAsync(App.People.Auditor);
        using var otherPartnership = await App.SignedInAsync(App.People.OtherPartnershipManager);

        foreach (var (client, url) in new[]
        {
            (auditor, TaskData.Url(others)), (auditor, TaskData.Url(others, "check")), (auditor, TaskData.Url(others, "submitted")),
            (auditor, TaskData.Url(closed)), (auditor, TaskData.Url("no-such-task")), (otherPartnership, TaskData.Url(others)),
        })
        {
            var page = await client.GetAsync(url);
            page.Status.Should().Be(HttpStatusCode.NotFound, url);
            page.Document.QuerySelector("h1")!.TextContent.Should().Be("Page not found");
        }
    }

    [Fact]
    public async Task A_manager_opens_any_task_of_the_partnership_but_cannot_answer_it()
    {
        var task = (await TaskData.OpenTasksAsync(App, App.People.OtherAuditorId))[1];
        using var manager = await App.SignedInAsync(App.People.Manager);

        var page = await manager.GetAsync(TaskData.Url(task));

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelector("main form").Should().BeNull();
        page.Document.QuerySelector(".govuk-inset-text")!.TextContent.Should()
            .Contain($"Only the auditor this task is assigned to, {await TaskData.AuditorNameAsync(App, App.People.OtherAuditorId)}, can complete it.");
        // The header's sign-out form gives the manager's anti-forgery token: the refusal is about the task, not the token.
        var token = page.Document.QuerySelector("header input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var refused = await manager.PostAsync(TaskData.Url(task) + "?handler=draft", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Grade"] = "good",
        });
        refused.Status.Should().Be(HttpStatusCode.Forbidden);
        (await TaskData.DraftAsync(App, task)).Should().BeNull();
    }

    [Fact]
    public async Task The_task_id_may_be_written_with_its_slashes_unescaped()
    {
        var task = (await TaskData.OpenTasksAsync(App, App.People.AuditorId))[0];
        using var client = await App.SignedInAsync(App.People.Auditor);

        var page = await client.GetAsync("/tasks/" + task);

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelector("main form")!.GetAttribute("action").Should().Be(TaskData.Url(task));
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused()
    {
        var task = (await TaskData.OpenTasksAsync(App, App.People.AuditorId))[2];
        using var client = await App.SignedInAsync(App.People.Auditor);

        var posted = await client.PostAsync(TaskData.Url(task) + "?handler=draft", TaskData.CompleteForm());

        posted.Status.Should().Be(HttpStatusCode.BadRequest);
        (await TaskData.DraftAsync(App, task)).Should().BeNull();
    }
}
