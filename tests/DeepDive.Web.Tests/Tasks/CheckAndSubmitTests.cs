using System.Net;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Tasks;

public sealed class CheckAndSubmitTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    /// <summary>Fills the auditor's task in completely and continues to "Check your answers".</summary>
    private async Task<BrowserClient> ReadyToCheckAsync(string email, string task)
    {
        var client = await App.SignedInAsync(email);
        var continued = await client.SubmitAsync(TaskData.Url(task), TaskData.CompleteForm(("Input.SafeguardingConcern", "The child said she is left alone at night.")));
        continued.Location.Should().Be(TaskData.Url(task, "check"), string.Join("; ", continued.Errors));
        return client;
    }

    [Fact]
    public async Task Check_your_answers_lists_each_answer_with_a_change_link_to_its_field()
    {
        var task = (await TaskData.OpenTasksAsync(App, App.People.AuditorId))[0];
        using var client = await ReadyToCheckAsync(App.People.Auditor, task);

        var page = await client.GetAsync(TaskData.Url(task, "check"));

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelector("h1")!.TextContent.Should().Be("Check your answers before submitting");
        var rows = page.Document.QuerySelectorAll("main .govuk-summary-list__row").ToList();
        rows.Select(r => r.QuerySelector("dt")!.TextContent.Trim()).Should().Equal("Overall grade", "Recognition of need", "Assessment",
            "Planning and intervention", "Joint working", "Impact on the child", "Good practice", "Areas for development", "Recommendations",
            "Safeguarding concern");
        rows[0].QuerySelector(".govuk-summary-list__value")!.TextContent.Trim().Should().Be("Requires improvement");
        rows[1].QuerySelector(".govuk-summary-list__value")!.TextContent.Should().Contain("Evidence for section 1").And.Contain("Grade: Good");
        rows[6].QuerySelectorAll("li").Select(li => li.TextContent).Should().Equal("The referral was acted on the same day.", "The child was seen alone.");
        rows[9].QuerySelector(".govuk-summary-list__value")!.TextContent.Trim().Should().Be("The child said she is left alone at night.");
        rows[0].QuerySelector("a")!.GetAttribute("href").Should().Be(TaskData.Url(task) + "#Input_Grade");
        rows[2].QuerySelector("a")!.GetAttribute("href").Should().Be(TaskData.Url(task) + "#Input_Sections_1__Evidence");
        rows[2].QuerySelector("a")!.TextContent.Should().Be("Change assessment");
        page.Document.QuerySelector("main form button")!.TextContent.Trim().Should().Be("Submit");
    }

    [Fact]
    public async Task Check_your_answers_without_complete_answers_goes_back_to_the_form()
    {
        var task = (await TaskData.OpenTasksAsync(App, App.People.OtherAuditorId))[2];
        using var client = await App.SignedInAsync(App.People.OtherAuditor);
        (await client.GetAsync(TaskData.Url(task, "check"))).Location.Should().Be(TaskData.Url(task), "there is no draft yet");

        await client.SubmitAsync(TaskData.Url(task), new Dictionary<string, string> { ["Input.Grade"] = "good" }, handler: "draft");

        (await client.GetAsync(TaskData.Url(task, "check"))).Location.Should().Be(TaskData.Url(task), "the draft has no evidence");
        (await client.GetAsync(TaskData.Url(task, "submitted"))).Location.Should().Be(TaskData.Url(task), "nothing is submitted yet");
    }

    [Fact]
    public async Task Submit_sends_the_answers_shows_the_confirmation_and_leaves_the_task_read_only_and_a_second_submit_is_refused()
    {
        var task = (await TaskData.OpenTasksAsync(App, App.People.AuditorId))[1];
        using var client = await ReadyToCheckAsync(App.People.Auditor, task);

        var submitted = await client.SubmitAsync(TaskData.Url(task, "check"), new Dictionary<string, string>());

        submitted.Status.Should().Be(HttpStatusCode.Redirect);
        submitted.Location.Should().Be(TaskData.Url(task, "submitted"));
        (await TaskData.SubmissionEventsAsync(App, task)).Should().Be(1, "the submission is stored as the task's event for the engine");
        (await TaskData.DraftAsync(App, task)).Should().BeNull("the draft goes with the submission");
        (await TaskData.AccessLogAsync(App, App.People.Auditor, task)).Should().Contain(("change", "submitted the answers"));

        var confirmation = await client.GetAsync(submitted.Location!);
        confirmation.Document.QuerySelector(".govuk-panel__title")!.TextContent.Should().Be("Task submitted");
        confirmation.Document.QuerySelector(".govuk-panel__body")!.TextContent.Should().Contain(task.Split('/')[1]);
        confirmation.Document.QuerySelectorAll("main h2").Select(h => h.TextContent).Should().Contain("What happens next");

        var readOnly = await client.GetAsync(TaskData.Url(task));
        readOnly.Document.QuerySelector("main form").Should().BeNull();
        readOnly.Document.QuerySelector("main .govuk-tag")!.TextContent.Should().Be("Submitted");
        readOnly.Text.Should().Contain("Submitted answers").And.Contain("The child said she is left alone at night.").And.Contain("Requires improvement");

        // The check page's form, kept open in another tab, is posted again; and the task's own form, too.
        var again = await client.PostAsync(TaskData.Url(task, "check"), new Dictionary<string, string> { ["__RequestVerificationToken"] = Token(readOnly) });
        again.Status.Should().Be(HttpStatusCode.Conflict);
        again.Errors.Should().Equal("You have already submitted this task. Submitted answers cannot be changed.");
        var draft = await client.PostAsync(TaskData.Url(task) + "?handler=draft",
            new Dictionary<string, string>(TaskData.CompleteForm()) { ["__RequestVerificationToken"] = Token(readOnly) });
        draft.Status.Should().Be(HttpStatusCode.Conflict);
        draft.Errors.Should().Equal("You have already submitted this task. Submitted answers cannot be changed.");
        (await TaskData.SubmissionEventsAsync(App, task)).Should().Be(1);
        (await TaskData.DraftAsync(App, task)).Should().BeNull();
    }

    [Fact]
    public async Task Submit_without_the_anti_forgery_token_is_refused()
    {
        var task = (await TaskData.OpenTasksAsync(App, App.People.OtherAuditorId))[1];
        using var client = await ReadyToCheckAsync(App.People.OtherAuditor, task);

        var posted = await client.PostAsync(TaskData.Url(task, "check"), new Dictionary<string, string>());

        posted.Status.Should().Be(HttpStatusCode.BadRequest);
        (await TaskData.SubmissionEventsAsync(App, task)).Should().Be(0);
    }

    [Fact]
    public async Task Another_auditor_cannot_submit_the_task_nor_see_its_confirmation()
    {
        var task = (await TaskData.OpenTasksAsync(App, App.People.OtherAuditorId))[0];
        using var owner = await ReadyToCheckAsync(App.People.OtherAuditor, task);
        using var other = await App.SignedInAsync(App.People.Auditor);
        var token = Token(await other.GetAsync("/tasks"));

        var posted = await other.PostAsync(TaskData.Url(task, "check"), new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        posted.Status.Should().Be(HttpStatusCode.NotFound);
        (await TaskData.SubmissionEventsAsync(App, task)).Should().Be(0);
        (await owner.SubmitAsync(TaskData.Url(task, "check"), new Dictionary<string, string>())).Location.Should().Be(TaskData.Url(task, "submitted"));
        (await other.GetAsync(TaskData.Url(task, "submitted"))).Status.Should().Be(HttpStatusCode.NotFound);
    }

    /// <summary>The user's anti-forgery token, from the sign-out form every page's header carries.</summary>
    private static string Token(BrowserClient.Page page) =>
        page.Document.QuerySelector("header input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
