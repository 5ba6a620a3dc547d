using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Tasks;

/// <summary>The tasks API as programs call it, with personal access tokens (a browser session may only read the API).</summary>
public sealed class TasksApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>());

    /// <summary>The fields a validation problem names, each with its messages.</summary>
    private static async Task<Dictionary<string, string[]>> ProblemsOf(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var body = await JsonOf(response);
        return body.GetProperty("errors").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }

    [Fact]
    public async Task The_list_is_the_callers_inbox_and_says_which_page_it_is()
    {
        using var client = await App.ApiAsAsync(App.People.Auditor);
        var own = await TaskData.OpenTasksAsync(App, App.People.AuditorId);

        var response = await client.GetAsync("/api/v1/tasks");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await JsonOf(response);
        body.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("taskId").GetString()).Should().Equal(own);
        var first = body.GetProperty("tasks")[0];
        first.GetProperty("status").GetString().Should().BeOneOf("open", "draft-saved");
        first.GetProperty("round").GetProperty("cycle").GetString().Should().EndWith("multi-agency deep dive");
        first.GetProperty("url").GetString().Should().Be(TaskData.Url(own[0]));
        body.GetProperty("total").GetInt32().Should().Be(own.Count);
        body.GetProperty("pageCount").GetInt32().Should().Be(1);

        var bad = await ProblemsOf(await client.GetAsync("/api/v1/tasks?show=everything&page=zero"));
        bad.Keys.Should().BeEquivalentTo("show", "page");
    }

    [Fact]
    public async Task A_task_gives_its_case_round_and_answers_and_a_draft_put_there_comes_back()
    {
        var task = (await TaskData.OpenTasksAsync(App, App.People.AuditorId))[0];
        using var client = await App.ApiAsAsync(App.People.Auditor);

        var before = await JsonOf(await client.GetAsync(TaskData.ApiUrl(task)));
        before.GetProperty("status").GetString().Should().Be("open");
        before.GetProperty("mayAnswer").GetBoolean().Should().BeTrue();
        before.GetProperty("case").GetProperty("caseRef").GetString().Should().Be(task.Split('/')[1]);
        before.GetProperty("case").GetProperty("caseType").GetString().Should().NotBeNullOrEmpty();
        before.GetProperty("round").GetProperty("auditTool").GetString().Should().NotBeNullOrEmpty();
        before.GetProperty("sections").GetArrayLength().Should().Be(5);
        before.GetProperty("answers").ValueKind.Should().Be(JsonValueKind.Null);

        var put = await client.PutAsync(TaskData.ApiUrl(task, "draft"), TaskData.Json("""{ "grade": "Good", "sections": [ { "section": "Assessment", "evidence": "Partly read." } ] }"""));
        put.StatusCode.Should().Be(HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        (await JsonOf(put)).GetProperty("status").GetString().Should().Be("draft-saved");

        var after = await JsonOf(await client.GetAsync(TaskData.ApiUrl(task)));
        after.GetProperty("answers").GetProperty("grade").GetString().Should().Be("good", "grades are stored by their scale names");
        after.GetProperty("answers").GetProperty("sections")[0].GetProperty("evidence").GetString().Should().Be("Partly read.");
        after.GetProperty("draftSavedUtc").ValueKind.Should().Be(JsonValueKind.String);
        (await TaskData.AccessLogAsync(App, App.People.Auditor, task)).Should().Contain(("change", "saved a draft")).And.Contain(("view", null));
    }

    [Fact]
    public async Task A_draft_with_a_value_that_is_not_valid_or_json_that_is_not_the_answers_shape_is_a_validation_problem_naming_the_field()
    {
        var task = (await TaskData.OpenTasksAsync(App, App.People.AuditorId))[1];
        using var client = await App.ApiAsAsync(App.People.Auditor);

        (await ProblemsOf(await client.PutAsync(TaskData.ApiUrl(task, "draft"), TaskData.Json("""{ "grade": "brilliant" }"""))))
            .Should().ContainKey("grade").WhoseValue.Single().Should().StartWith("'brilliant' is not a grade");
        (await ProblemsOf(await client.PutAsync(TaskData.ApiUrl(task, "draft"), TaskData.Json("""{ "sections": [ { "section": "A", "grade": 7 } ] }"""))))
            .Keys.Should().Equal("sections[0].grade");
        (await ProblemsOf(await client.PutAsync(TaskData.ApiUrl(task, "draft"), TaskData.Json("""{ "mood": "happy" }"""))))
            .Keys.Should().ContainSingle();
        (await ProblemsOf(await client.PutAsync(TaskData.ApiUrl(task, "draft"), TaskData.Json(""))))
            .Keys.Should().Equal("body");
        var form = await client.PutAsync(TaskData.ApiUrl(task, "draft"), new FormUrlEncodedContent(new Dictionary<string, string> { ["grade"] = "good" }));
        form.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await TaskData.DraftAsync(App, task)).Should().BeNull();
    }

    [Fact]
    public async Task Answers_missing_the_grade_and_evidence_are_refused_naming_each_field_then_accepted_once_and_only_once()
    {
        var task = (await TaskData.OpenTasksAsync(App, App.People.OtherAuditorId))[0];
        using var client = await App.ApiAsAsync(App.People.OtherAuditor);

        var problems = await ProblemsOf(await client.PostAsync(TaskData.ApiUrl(task, "answers"),
            TaskData.Json("""{ "sections": [ { "section": "Assessment", "evidence": "Read." }, { "section": "Planning", "evidence": " " } ] }""")));
        problems.Should().BeEquivalentTo(new Dictionary<string, string[]>
        {
            ["grade"] = ["Select the overall grade"],
            ["sections[1].evidence"] = ["Enter the evidence for section 2"],
        });
        (await TaskData.SubmissionEventsAsync(App, task)).Should().Be(0);

        var accepted = await client.PostAsync(TaskData.ApiUrl(task, "answers"), TaskData.Json(TaskData.CompleteAnswers));
        accepted.StatusCode.Should().Be(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        (await JsonOf(accepted)).GetProperty("status").GetString().Should().Be("submitted");
        (await TaskData.SubmissionEventsAsync(App, task)).Should().Be(1);
        (await TaskData.AccessLogAsync(App, App.People.OtherAuditor, task)).Should().Contain(("change", "submitted the answers"));

        var detail = await JsonOf(await client.GetAsync(TaskData.ApiUrl(task)));
        detail.GetProperty("status").GetString().Should().Be("submitted");
        detail.GetProperty("mayAnswer").GetBoolean().Should().BeFalse();
        detail.GetProperty("answers").GetProperty("recommendations")[0].GetString().Should().Be("Keep recording the child's voice.");

        var second = await client.PostAsync(TaskData.ApiUrl(task, "answers"), TaskData.Json(TaskData.CompleteAnswers));
        second.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await JsonOf(second)).GetProperty("detail").GetString().Should().Contain("already been submitted");
        (await client.PutAsync(TaskData.ApiUrl(task, "draft"), TaskData.Json(TaskData.CompleteAnswers))).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await TaskData.SubmissionEventsAsync(App, task)).Should().Be(1);
    }

    [Fact]
    public async Task Out_of_scope_tasks_are_404_problems_a_manager_may_read_but_not_answer_and_no_sign_in_is_401()
    {
        var others = (await TaskData.OpenTasksAsync(App, App.People.OtherAuditorId))[1];
        var closed = await TaskData.ClosedRoundTaskAsync(App, App.People.AuditorId);
        using var auditor = await App.ApiAsAsync(App.People.Auditor);
        using var otherPartnership = await App.ApiAsAsync(App.People.OtherPartnershipManager);
        using var manager = await App.ApiAsAsync(App.People.Manager);

        foreach (var (client, request) in new (HttpClient, Func<HttpClient, Task<HttpResponseMessage>>)[]
        {
            (auditor, h => h.GetAsync(TaskData.ApiUrl(others))),
            (auditor, h => h.PostAsync(TaskData.ApiUrl(others, "answers"), TaskData.Json(TaskData.CompleteAnswers))),
            (auditor, h => h.PutAsync(TaskData.ApiUrl(others, "draft"), TaskData.Json(TaskData.CompleteAnswers))),
            (auditor, h => h.GetAsync(TaskData.ApiUrl(closed))),
            (auditor, h => h.GetAsync(TaskData.ApiUrl("no-such-task"))),
            (otherPartnership, h => h.PostAsync(TaskData.ApiUrl(others, "answers"), TaskData.Json(TaskData.CompleteAnswers))),
        })
        {
            var response = await request(client);
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }

        (await manager.GetAsync(TaskData.ApiUrl(others))).StatusCode.Should().Be(HttpStatusCode.OK);
        var refused = await manager.PostAsync(TaskData.ApiUrl(others, "answers"), TaskData.Json(TaskData.CompleteAnswers));
        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await TaskData.SubmissionEventsAsync(App, others)).Should().Be(0);

        using var anonymous = App.Api();
        (await anonymous.GetAsync("/api/v1/tasks")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        using var viewer = await App.ApiAsAsync(App.People.Viewer);
        (await viewer.GetAsync("/api/v1/tasks")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Answers_may_be_posted_to_the_task_id_with_its_slashes_unescaped()
    {
        var task = (await TaskData.OpenTasksAsync(App, App.People.OtherAuditorId))[2];
        using var client = await App.ApiAsAsync(App.People.OtherAuditor);

        var accepted = await client.PostAsync($"/api/v1/tasks/{task}/answers", TaskData.Json(TaskData.CompleteAnswers));

        accepted.StatusCode.Should().Be(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        (await TaskData.SubmissionEventsAsync(App, task)).Should().Be(1);
    }
}
