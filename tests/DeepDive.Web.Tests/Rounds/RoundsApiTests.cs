using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Rounds;
using DeepDive.Web.Tests.Cycles;
using DeepDive.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Rounds;

public sealed class RoundsApiTests(EngineAppFixture fixture) : IClassFixture<EngineAppFixture>
{
    private const string OpenRound = "Rfa77e0ee6f7";

    private TestApp App => fixture.App;

    [Fact]
    public async Task Rounds_a_round_and_its_sample_are_read_and_each_read_of_case_level_data_is_logged()
    {
        using var client = await App.SignedInAsync(App.People.Moderator);

        var list = await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/rounds");
        await using var connection = await App.Database.OpenAsync(CancellationToken.None);
        var stored = await connection.QueryAsync<string>("SELECT round_id FROM audit_round WHERE partnership_id = 'demo' ORDER BY started_utc DESC");
        list.EnumerateArray().Select(r => r.GetProperty("roundId").GetString()).Should().Equal(stored);
        (await client.Http.GetFromJsonAsync<JsonElement>("/api/v1/rounds?status=closed")).EnumerateArray()
            .Should().NotBeEmpty().And.AllSatisfy(r => r.GetProperty("status").GetString().Should().Be("closed"));

        var round = await client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{OpenRound}");
        round.GetProperty("round").GetProperty("status").GetString().Should().Be("in-progress");
        var tasks = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_task WHERE round_id = @OpenRound", new { OpenRound });
        round.GetProperty("tasks").GetArrayLength().Should().Be(tasks);
        round.GetProperty("tasks")[0].GetProperty("auditorName").GetString().Should().NotBeNullOrEmpty();

        var sample = await client.Http.GetFromJsonAsync<JsonElement>($"/api/v1/rounds/{OpenRound}/sample");
        sample.GetProperty("cases").EnumerateArray().Count(c => c.GetProperty("list").GetString() == "sample").Should().Be(10);
        sample.GetProperty("sampling").GetProperty("seed").GetInt64().Should().BePositive();

        (await connection.QueryAsync<string>("SELECT object_type FROM access_log WHERE user_email = @Moderator AND action = 'view' AND object_id = @OpenRound",
            new { App.People.Moderator, OpenRound })).Should().Contain(["round", "sample"]);
    }

    [Fact]
    public async Task A_draw_under_review_is_changed_through_the_API_and_refused_once_locked()
    {
        var cycle = TestCycles.Definition("api-review");
        await App.Services.GetRequiredService<CycleLifecycle>().AddOrUpdateAsync("demo", cycle, CancellationToken.None);
        var round = (await App.Services.GetRequiredService<RoundStarter>().StartRapidAsync("demo", cycle, 5, CancellationToken.None)).RoundId;
        var samples = App.Services.GetRequiredService<SampleList>();
        var cases = await samples.CasesAsync(round, CancellationToken.None);
        using var client = await App.ApiAsAsync(App.People.Manager);

        var invalid = await client.PostAsJsonAsync($"/api/v1/rounds/{round}/sample/replace", new { caseRef = "", reason = " " });
        invalid.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().BeEquivalentTo("caseRef", "reason");

        var replaced = await client.PostAsJsonAsync($"/api/v1/rounds/{round}/sample/replace", new { caseRef = cases[0], reason = "Known to the auditor" });
        replaced.StatusCode.Should().Be(HttpStatusCode.OK, await replaced.Content.ReadAsStringAsync());
        var replacement = await replaced.Content.ReadFromJsonAsync<JsonElement>();
        replacement.GetProperty("replaced").GetString().Should().Be(cases[0]);
        (await samples.CasesAsync(round, CancellationToken.None))[0].Should().Be(replacement.GetProperty("replacedBy").GetString());

        var notInList = await client.PostAsJsonAsync($"/api/v1/rounds/{round}/sample/replace", new { caseRef = "NOPE-0000-000000", reason = "x" });
        notInList.StatusCode.Should().Be(HttpStatusCode.Conflict);

        var added = await client.PostAsJsonAsync($"/api/v1/rounds/{round}/sample/add", new { caseRef = cases[0], reason = "Back by hand" });
        added.StatusCode.Should().Be(HttpStatusCode.Conflict, "a replaced case cannot come back");
        var other = await OtherCaseAsync(round);
        var addedOther = await client.PostAsJsonAsync($"/api/v1/rounds/{round}/sample/add", new { caseRef = other, reason = "Asked for by the board" });
        addedOther.StatusCode.Should().Be(HttpStatusCode.OK);
        (await samples.CasesAsync(round, CancellationToken.None)).Should().EndWith(other);

        var locked = await client.PostAsync($"/api/v1/rounds/{round}/sample/lock", null);
        locked.StatusCode.Should().Be(HttpStatusCode.OK);
        (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lockedBy").GetString().Should().Be("Morgan Manager");
        (await samples.StateAsync(round, CancellationToken.None)).IsLocked.Should().BeTrue();

        var late = await client.PostAsJsonAsync($"/api/v1/rounds/{round}/sample/replace", new { caseRef = other, reason = "Too late" });
        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("locked");
        (await client.PostAsync($"/api/v1/rounds/{round}/sample/lock", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);

        await using var connection = await App.Database.OpenAsync(CancellationToken.None);
        (await connection.QueryAsync<string>("SELECT detail FROM access_log WHERE action = 'change' AND object_id = @round ORDER BY at_utc", new { round }))
            .Should().Equal($"replaced case {cases[0]} by reserve {replacement.GetProperty("replacedBy").GetString()}: Known to the auditor",
                $"added case {other} by hand: Asked for by the board", "locked the sample through the API");
    }

    [Fact]
    public async Task Another_partnerships_round_is_not_found_and_reviewing_is_for_managers_only()
    {
        using var other = await App.ApiAsAsync(App.People.OtherPartnershipManager);
        foreach (var url in new[] { $"/api/v1/rounds/{OpenRound}", $"/api/v1/rounds/{OpenRound}/sample" })
        {
            (await other.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.NotFound, url);
        }

        (await other.PostAsync($"/api/v1/rounds/{OpenRound}/sample/lock", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.PostAsJsonAsync($"/api/v1/rounds/{OpenRound}/sample/replace", new { caseRef = "x", reason = "y" })).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/rounds")).GetArrayLength().Should().Be(0);

        using var moderator = await App.ApiAsAsync(App.People.Moderator);
        (await moderator.PostAsync($"/api/v1/rounds/{OpenRound}/sample/lock", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        foreach (var email in new[] { App.People.Viewer, App.People.Auditor, App.People.School })
        {
            using var client = await App.ApiAsAsync(email);
            (await client.GetAsync("/api/v1/rounds")).StatusCode.Should().Be(HttpStatusCode.Forbidden, email);
            (await client.GetAsync($"/api/v1/rounds/{OpenRound}/sample")).StatusCode.Should().Be(HttpStatusCode.Forbidden, email);
        }
    }

    private async Task<string> OtherCaseAsync(string round)
    {
        await using var connection = await App.Database.OpenAsync(CancellationToken.None);
        return await connection.QueryFirstAsync<string>("""
            SELECT case_ref FROM case_record WHERE partnership_id = 'demo' AND agency = 'police'
              AND case_ref NOT IN (SELECT case_ref FROM sample_case WHERE round_id = @round) ORDER BY case_ref
            """, new { round });
    }
}
