using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeepDive.Domain.Actions;
using DeepDive.Engine.Actions;
using DeepDive.Web.Tests.Support;
using DeepDive.Web.Tests.Tasks;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Actions;

/// <summary>The actions and case reviews API: lists with filters, an action with history, status changes and confirmation with their 400s, scope.</summary>
public sealed class ActionsApiTests : IAsyncLifetime
{
    private TestApp app = null!;
    private ActionData data = null!;

    public async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        data = await ActionData.ImportAsync(app.Services, app.People);
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task List_takes_the_trackers_filters_and_refuses_bad_ones_by_name()
    {
        using var api = await app.ApiAsAsync(app.People.Manager);
        (await JsonAsync(await api.GetAsync("/api/v1/actions"))).GetProperty("total").GetInt32().Should().Be(4);
        var overdue = await JsonAsync(await api.GetAsync("/api/v1/actions?overdue=true"));
        overdue.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("actionId").GetString()).Should().BeEquivalentTo([data.OwnOverdueId, data.OtherOverdueId]);
        (await JsonAsync(await api.GetAsync($"/api/v1/actions?review={data.ReviewId}&status=GREEN"))).GetProperty("total").GetInt32().Should().Be(2);
        var problem = await (await api.GetAsync("/api/v1/actions?status=purple&overdue=maybe&page=0")).ProblemAsync();
        problem.Status.Should().Be(400);
        problem.Errors.Keys.Should().BeEquivalentTo(["status", "overdue", "page"]);
    }

    [Fact]
    public async Task An_auditor_gets_their_agencys_actions_only()
    {
        using var api = await app.ApiAsAsync(app.People.Auditor);
        var list = await JsonAsync(await api.GetAsync("/api/v1/actions"));
        list.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("ownerAgency").GetString()).Should().HaveCount(2).And.OnlyContain(a => a == data.Agency);
        list.GetProperty("proposed").GetArrayLength().Should().Be(0);
        (await api.GetAsync($"/api/v1/actions/{data.OtherAgencyId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await api.PostAsJsonAsync($"/api/v1/actions/{data.OtherAgencyId}/status", new { status = "blue", evidence = "x" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        using var school = await app.ApiAsAsync(app.People.School);
        (await school.GetAsync("/api/v1/actions")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var other = await app.ApiAsAsync(app.People.OtherPartnershipManager);
        (await other.GetAsync($"/api/v1/reviews/{data.ReviewId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Status_change_names_each_refused_field_then_records_the_change_with_its_history()
    {
        using var api = await app.ApiAsAsync(app.People.Auditor);
        var url = $"/api/v1/actions/{data.OwnOverdueId}/status";
        (await (await api.PostAsJsonAsync(url, new { status = "purple" })).ProblemAsync()).Errors.Keys.Should().Equal("status");
        (await (await api.PostAsJsonAsync(url, new { status = "blue" })).ProblemAsync()).Errors.Keys.Should().Equal("evidence");
        (await (await api.PostAsJsonAsync(url, new { status = "red" })).ProblemAsync()).Errors.Keys.Should().Equal("reason");
        (await (await api.PostAsJsonAsync(url, new { status = "green" })).ProblemAsync()).Errors["status"].Single().Should().Contain("overdue with no recovery plan");
        var changed = await JsonAsync(await api.PostAsJsonAsync(url, new { status = "blue", evidence = "Template in use since November" }));
        changed.GetProperty("status").GetString().Should().Be("blue");
        changed.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()).Should().Equal("amber", "blue");
        (await TaskData.AccessLogAsync(app, app.People.Auditor, data.OwnOverdueId)).Should().Contain(("change", "updated: status blue"));
        using var viewer = await app.ApiAsAsync(app.People.Viewer);
        (await viewer.PostAsJsonAsync($"/api/v1/actions/{data.OwnOnTrackId}/status", new { status = "blue", evidence = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Confirm_refuses_a_bad_date_then_confirms_and_then_conflicts()
    {
        using var api = await app.ApiAsAsync(app.People.Manager);
        var url = $"/api/v1/actions/{data.ProposedId}/confirm";
        (await (await api.PostAsJsonAsync(url, new { dueOn = "30/09/2027" })).ProblemAsync()).Errors.Keys.Should().Equal("dueOn");
        (await (await api.PostAsJsonAsync(url, new { ownerEmail = "nope" })).ProblemAsync()).Errors.Keys.Should().Equal("ownerEmail");
        var confirmed = await JsonAsync(await api.PostAsJsonAsync(url, new { ownerName = "Pat Lead", dueOn = "2027-09-30" }));
        confirmed.GetProperty("state").GetString().Should().Be("confirmed");
        confirmed.GetProperty("dueOn").GetString().Should().Be("2027-09-30");
        (await (await api.PostAsJsonAsync(url, new { })).ProblemAsync()).Status.Should().Be(409);
        (await app.Services.GetRequiredService<ActionStore>().GetAsync(DemoPartnership.Id, data.ProposedId, CancellationToken.None))!.Status.Should().Be(RagStatus.Green);
    }

    [Fact]
    public async Task Reviews_list_and_one_review_with_numbered_recommendations()
    {
        using var api = await app.ApiAsAsync(app.People.Viewer);
        var reviews = await JsonAsync(await api.GetAsync("/api/v1/reviews"));
        reviews.EnumerateArray().Select(r => r.GetProperty("name").GetString()).Should().BeEquivalentTo([ActionData.Review, ActionData.OtherReview]);
        var review = await JsonAsync(await api.GetAsync($"/api/v1/reviews/{data.ReviewId}"));
        review.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("number").GetString()).Should().Equal("1.1", "1.2");
        review.GetProperty("history").GetArrayLength().Should().Be(1);
        var action = await JsonAsync(await api.GetAsync($"/api/v1/actions/{data.ProposedId}"));
        action.GetProperty("caseRef").ValueKind.Should().Be(JsonValueKind.Null);
    }
}
