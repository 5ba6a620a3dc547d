using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Cycles;

public sealed class CyclesApiTests(EngineAppFixture fixture) : IClassFixture<EngineAppFixture>
{
    private TestApp App => fixture.App;

    private CycleStore Store => App.Services.GetRequiredService<CycleStore>();

    [Fact]
    public async Task The_list_and_a_cycle_come_with_status_definition_next_rounds_and_history()
    {
        using var client = await App.ApiAsAsync(App.People.Manager);

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/cycles");
        list.EnumerateArray().Select(c => c.GetProperty("id").GetString()).Should().Contain(["neglect", "education-s175"]);
        list.EnumerateArray().First(c => c.GetProperty("id").GetString() == "neglect").GetProperty("status").GetString().Should().Be("active");

        var cycle = await client.GetFromJsonAsync<JsonElement>("/api/v1/cycles/neglect");
        cycle.GetProperty("definition").GetProperty("sampleSize").GetInt32().Should().Be((await Store.GetAsync("demo", "neglect", CancellationToken.None))!.SampleSize);
        var next = cycle.GetProperty("nextRounds").EnumerateArray().ToList();
        next.Should().HaveCount(10);
        var opensAt = next[0].GetProperty("opensAt").GetDateTimeOffset();
        opensAt.Offset.Should().Be(TimeZoneInfo.FindSystemTimeZoneById("Europe/London").GetUtcOffset(opensAt), "times are given in the cycle's own zone");
        cycle.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).Should().Contain("added");
    }

    [Fact]
    public async Task A_cycle_with_problems_is_refused_naming_each_problem_by_its_JSON_path()
    {
        using var client = await App.ApiAsAsync(App.People.Manager);
        var bad = TestCycles.Json("api-bad").Replace("\"months\": [3, 9]", "\"months\": [3, 13]", StringComparison.Ordinal)
            .Replace("\"weekday\": \"monday\"", "\"weekday\": \"someday\"", StringComparison.Ordinal);

        var response = await client.PostAsync("/api/v1/cycles", Json(bad));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo("$.schedule.months[1]", "$.schedule.weekday");
        problem.GetProperty("errors").GetProperty("$.schedule.months[1]")[0].GetString().Should().Be("value 13 is above the maximum of 12");
        (await Store.GetEntryAsync("demo", "api-bad", CancellationToken.None)).Should().BeNull();

        var notJson = await client.PostAsync("/api/v1/cycles", Json("{ not json"));
        notJson.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await notJson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Single().Value[0].GetString().Should().StartWith("not valid JSON");
    }

    [Fact]
    public async Task A_cycle_is_added_replaced_paused_resumed_and_retired()
    {
        using var client = await App.ApiAsAsync(App.People.Manager);

        var created = await client.PostAsync("/api/v1/cycles", Json(TestCycles.Json("api-life")));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.Headers.Location!.OriginalString.Should().Be("/api/v1/cycles/api-life");
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nextRounds").GetArrayLength().Should().Be(10);
        (await client.PostAsync("/api/v1/cycles", Json(TestCycles.Json("api-life")))).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var edited = await client.PutAsync("/api/v1/cycles/api-life", Json(TestCycles.Json("api-life", sampleSize: 9)));
        edited.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Store.GetAsync("demo", "api-life", CancellationToken.None))!.SampleSize.Should().Be(9);
        var wrongId = await client.PutAsync("/api/v1/cycles/api-life", Json(TestCycles.Json("api-other")));
        wrongId.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrongId.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("$.id").GetArrayLength().Should().Be(1);

        var paused = await client.PostAsync("/api/v1/cycles/api-life/pause", null);
        (await paused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("paused");
        (await Store.GetEntryAsync("demo", "api-life", CancellationToken.None))!.Status.Should().Be(CycleStatus.Paused);
        var resumed = await client.PostAsync("/api/v1/cycles/api-life/resume", null);
        resumed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await resumed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nextRound").GetDateTimeOffset().Should().BeAfter(DateTimeOffset.UtcNow);
        var again = await client.PostAsync("/api/v1/cycles/api-life/resume", null);
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("is not paused");

        (await client.PostAsync("/api/v1/cycles/api-life/retire", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Store.GetEntryAsync("demo", "api-life", CancellationToken.None))!.Status.Should().Be(CycleStatus.Retired);
        (await client.PutAsync("/api/v1/cycles/api-life", Json(TestCycles.Json("api-life")))).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/cycles/api-life")).GetProperty("history").EnumerateArray()
            .Select(h => h.GetProperty("action").GetString()).Should().Equal("added", "edited", "paused", "resumed", "retired");
    }

    [Fact]
    public async Task Another_partnerships_cycle_is_not_found_other_roles_are_forbidden_and_anonymous_callers_unauthorised()
    {
        using var other = await App.ApiAsAsync(App.People.OtherPartnershipManager);
        foreach (var (method, url) in new[] { ("GET", "/api/v1/cycles/neglect"), ("POST", "/api/v1/cycles/neglect/pause"), ("POST", "/api/v1/cycles/neglect/retire"), ("PUT", "/api/v1/cycles/neglect") })
        {
            var response = await other.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "GET" ? null : Json(TestCycles.Json("neglect")) });
            response.StatusCode.Should().Be(HttpStatusCode.NotFound, url);
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }

        (await Store.GetEntryAsync("demo", "neglect", CancellationToken.None))!.Status.Should().Be(CycleStatus.Active);
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/cycles")).GetArrayLength().Should().Be(0);

        using var moderator = await App.ApiAsAsync(App.People.Moderator);
        (await moderator.GetAsync("/api/v1/cycles")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await moderator.PostAsync("/api/v1/cycles/neglect/pause", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var auditor = await App.ApiAsAsync(App.People.Auditor);
        (await auditor.PostAsync("/api/v1/cycles", Json(TestCycles.Json("by-auditor")))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        using var anonymous = App.Api();
        (await anonymous.GetAsync("/api/v1/cycles")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await Store.GetEntryAsync("demo", "by-auditor", CancellationToken.None)).Should().BeNull();
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
