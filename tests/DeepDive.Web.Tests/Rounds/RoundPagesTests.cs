using System.Net;
using Dapper;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Rounds;
using DeepDive.Web.Tests.Cycles;
using DeepDive.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Rounds;

public sealed class RoundPagesTests(EngineAppFixture fixture) : IClassFixture<EngineAppFixture>
{
    /// <summary>The demo's scheduled neglect round of July 2027: in progress, its tasks open.</summary>
    private const string OpenRound = "Rfa77e0ee6f7";

    private TestApp App => fixture.App;

    [Fact]
    public async Task The_list_shows_the_partnerships_rounds_newest_first_and_filters_by_status()
    {
        using var client = await App.SignedInAsync(App.People.Moderator);

        var page = await client.GetAsync("/rounds");

        page.Status.Should().Be(HttpStatusCode.OK);
        var ids = page.Document.QuerySelectorAll("#rounds tbody tr td:first-child a").Select(a => a.TextContent).ToList();
        await using var connection = await App.Database.OpenAsync(CancellationToken.None);
        var stored = (await connection.QueryAsync<string>("SELECT round_id FROM audit_round WHERE partnership_id = 'demo' ORDER BY started_utc DESC")).ToList();
        ids.Should().Equal(stored);

        var closed = await client.GetAsync("/rounds?status=closed");
        var closedIds = closed.Document.QuerySelectorAll("#rounds tbody tr td:first-child a").Select(a => a.TextContent).ToList();
        closedIds.Should().NotBeEmpty().And.Equal(await connection.QueryAsync<string>(
            "SELECT round_id FROM audit_round WHERE partnership_id = 'demo' AND status = 'closed' ORDER BY started_utc DESC"));
    }

    [Fact]
    public async Task A_rounds_page_shows_its_tasks_by_status_with_auditor_and_due_date_and_its_sampling_report()
    {
        using var client = await App.SignedInAsync(App.People.Moderator);

        var page = await client.GetAsync($"/rounds/{OpenRound}");

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelector("h1")!.TextContent.Should().Contain(OpenRound).And.Contain("In progress");
        await using var connection = await App.Database.OpenAsync(CancellationToken.None);
        var tasks = (await connection.QueryAsync<(string CaseRef, string Agency, string? AuditorName, string Status)>("""
            SELECT t.case_ref, t.agency, a.name, t.status FROM audit_task t LEFT JOIN auditor a ON a.partnership_id = t.partnership_id AND a.auditor_id = t.auditor_id
            WHERE t.round_id = @OpenRound
            """, new { OpenRound })).ToList();
        tasks.Should().NotBeEmpty();
        var rows = page.Document.QuerySelectorAll("#tasks tbody tr");
        rows.Should().HaveCount(tasks.Count);
        var first = tasks[0];
        rows.Should().Contain(r => r.TextContent.Contains(first.CaseRef, StringComparison.Ordinal) && r.TextContent.Contains(first.AuditorName!, StringComparison.Ordinal));
        rows.Select(r => r.QuerySelectorAll("td")[3].TextContent).Should().AllSatisfy(due => due.Should().MatchRegex(@"^\d{1,2} [A-Z][a-z]+ 2027 at "));
        var submitted = tasks.Count(t => t.Status == "submitted");
        (page.Document.QuerySelectorAll("#tasks-submitted tbody tr").Length + page.Document.QuerySelectorAll("#tasks-submitted-late tbody tr").Length)
            .Should().Be(submitted);

        var sample = await connection.QueryAsync<string>("SELECT case_ref FROM sample_case WHERE round_id = @OpenRound AND list = 'sample' ORDER BY position", new { OpenRound });
        page.Document.QuerySelectorAll("#sample-list tbody tr td:nth-child(2)").Select(td => td.TextContent).Should().Equal(sample);
        page.Document.QuerySelectorAll("#reserve-list tbody tr").Should().HaveCount(3);
        page.Document.QuerySelector("#sampling-facts")!.TextContent.Should().Contain("Algorithm and seed").And.Contain("Straight away when drawn");

        var views = await connection.QueryAsync<string>(
            "SELECT user_email FROM access_log WHERE action = 'view' AND object_type = 'round' AND object_id = @OpenRound", new { OpenRound });
        views.Should().Contain(App.People.Moderator);
    }

    [Fact]
    public async Task The_sampling_report_downloads_as_CSV_and_the_download_is_logged()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var response = await client.Http.GetAsync($"/rounds/{OpenRound}/sample.csv");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("list,position,case_ref,origin,agency,case_type,team,note");
        lines.Skip(1).Count(l => l.StartsWith("sample,", StringComparison.Ordinal)).Should().Be(10);
        await using var connection = await App.Database.OpenAsync(CancellationToken.None);
        (await connection.QueryAsync<string>("SELECT detail FROM access_log WHERE object_type = 'sample' AND object_id = @OpenRound AND user_email = @Manager",
            new { OpenRound, App.People.Manager })).Should().Contain("sampling report downloaded as CSV");
    }

    [Fact]
    public async Task Tasks_no_auditor_could_take_are_listed_with_each_auditors_excluding_rule()
    {
        var round = await RapidRoundAsync("no-one-skilled", review: false, requiredSkill: "no-such-skill");
        await Poller.UntilAsync(() => UnassignedAsync(round), n => n > 0, "the round's tasks to be found unassignable");
        using var client = await App.SignedInAsync(App.People.Manager);

        var page = await client.GetAsync($"/rounds/{round}");

        var blocks = page.Document.QuerySelectorAll("#unassigned .app-unassigned");
        blocks.Should().HaveCount(await UnassignedAsync(round));
        var rules = blocks[0].QuerySelectorAll("details tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent).ToList();
        rules.Should().NotBeEmpty().And.AllSatisfy(rule => rule.Should().Be("Missing skill"));
        blocks[0].QuerySelector("details tbody tr")!.TextContent.Should().Contain("no-such-skill");
        page.Document.QuerySelectorAll("#tasks-unassigned tbody tr").Should().HaveCount(blocks.Length);
    }

    [Fact]
    public async Task A_manager_replaces_a_case_with_a_reason_adds_one_by_hand_and_locks_the_sample()
    {
        var round = await RapidRoundAsync("to-review");
        var samples = App.Services.GetRequiredService<SampleList>();
        var before = await samples.CasesAsync(round, CancellationToken.None);
        using var client = await App.SignedInAsync(App.People.Manager);

        var review = await client.GetAsync($"/rounds/{round}/review");
        review.Document.QuerySelectorAll("#sample-list tbody tr a").Select(a => a.GetAttribute("href"))
            .Should().Equal(before.Select(c => $"/rounds/{round}/review/replace?case={c}"));

        var noReason = await client.SubmitAsync($"/rounds/{round}/review/replace?case={before[1]}", new Dictionary<string, string> { ["Input.Reason"] = " " });
        noReason.Errors.Should().Equal(["Enter why this case is being replaced"], $"{noReason.Status} {noReason.Location} {noReason.Text}");

        var replaced = await client.SubmitAsync($"/rounds/{round}/review/replace?case={before[1]}",
            new Dictionary<string, string> { ["Input.Reason"] = "The family moved out of the area" });
        replaced.Location.Should().Be($"/rounds/{round}/review");
        var after = await samples.CasesAsync(round, CancellationToken.None);
        after[1].Should().NotBe(before[1]);
        after.Should().HaveCount(before.Count);
        var page = await client.GetAsync($"/rounds/{round}/review");
        page.Document.QuerySelector(".govuk-notification-banner--success")!.TextContent.Should().Contain($"Case {before[1]} replaced by {after[1]} from the reserve list. 2 reserves are left.");
        page.Document.QuerySelector("#replaced-list")!.TextContent.Should().Contain(before[1]).And.Contain("The family moved out of the area").And.Contain("Morgan Manager");
        page.Document.QuerySelector("#changes tbody tr")!.TextContent.Should().Contain("Replaced").And.Contain("The family moved out of the area");

        var unknown = await client.SubmitAsync($"/rounds/{round}/review/add", new Dictionary<string, string> { ["Input.CaseRef"] = "NOPE-0000-000000", ["Input.Reason"] = "x" });
        unknown.Errors.Should().Equal("There is no case NOPE-0000-000000 in the case register. Check the reference");
        var listed = await client.SubmitAsync($"/rounds/{round}/review/add", new Dictionary<string, string> { ["Input.CaseRef"] = after[0], ["Input.Reason"] = "" });
        listed.Errors.Should().Equal($"Case {after[0]} is already number 1 of the sample", "Enter why this case is being added");
        var extra = await OtherCaseAsync(round);
        var added = await client.SubmitAsync($"/rounds/{round}/review/add", new Dictionary<string, string> { ["Input.CaseRef"] = extra, ["Input.Reason"] = "Asked for by the board" });
        added.Location.Should().Be($"/rounds/{round}/review");
        (await samples.CasesAsync(round, CancellationToken.None)).Should().EndWith(extra);
        (await client.GetAsync($"/rounds/{round}/review")).Document.QuerySelector("#sample-list")!.TextContent.Should().Contain("Added by hand");

        var confirm = await client.GetAsync($"/rounds/{round}/review/lock");
        confirm.Document.QuerySelector("h1")!.TextContent.Should().Be("Are you sure you want to lock the sample?");
        var locked = await client.SubmitAsync($"/rounds/{round}/review/lock", new Dictionary<string, string>());
        locked.Location.Should().Be($"/rounds/{round}");
        (await samples.StateAsync(round, CancellationToken.None)).IsLocked.Should().BeTrue();
        var report = await App.Services.GetRequiredService<SampleReport>().LoadAsync("demo", round, CancellationToken.None);
        report.LockedBy.Should().Be("Morgan Manager");

        var lockedReview = await client.GetAsync($"/rounds/{round}/review");
        lockedReview.Document.QuerySelector(".govuk-inset-text")!.TextContent.Should().Contain("This sample was locked by Morgan Manager");
        lockedReview.Document.QuerySelectorAll("#sample-list a").Should().BeEmpty();
        (await client.GetAsync($"/rounds/{round}/review/replace?case={after[0]}")).Location.Should().Be($"/rounds/{round}/review");

        await using var connection = await App.Database.OpenAsync(CancellationToken.None);
        var changes = (await connection.QueryAsync<string>(
            "SELECT detail FROM access_log WHERE action = 'change' AND object_type = 'sample' AND object_id = @round ORDER BY at_utc", new { round })).ToList();
        changes.Should().Equal($"replaced case {before[1]} by reserve {after[1]}: The family moved out of the area", $"added case {extra} by hand: Asked for by the board", "locked the sample");
        await Poller.UntilAsync(() => TasksAsync(round), n => n > 0, "the locked round's workflow to assign auditors");
    }

    [Fact]
    public async Task Review_forms_posted_without_their_anti_forgery_token_are_refused()
    {
        var round = await RapidRoundAsync("no-token-review");
        var cases = await App.Services.GetRequiredService<SampleList>().CasesAsync(round, CancellationToken.None);
        using var client = await App.SignedInAsync(App.People.Manager);

        (await client.PostAsync($"/rounds/{round}/review/replace?case={cases[0]}", new Dictionary<string, string> { ["Input.Reason"] = "x" })).Status.Should().Be(HttpStatusCode.BadRequest);
        (await client.PostAsync($"/rounds/{round}/review/add", new Dictionary<string, string> { ["Input.CaseRef"] = cases[0], ["Input.Reason"] = "x" })).Status.Should().Be(HttpStatusCode.BadRequest);
        (await client.PostAsync($"/rounds/{round}/review/lock", new Dictionary<string, string>())).Status.Should().Be(HttpStatusCode.BadRequest);

        (await App.Services.GetRequiredService<SampleList>().CasesAsync(round, CancellationToken.None)).Should().Equal(cases);
        (await App.Services.GetRequiredService<SampleList>().StateAsync(round, CancellationToken.None)).IsLocked.Should().BeFalse();
    }

    [Fact]
    public async Task Another_partnership_gets_page_not_found_moderators_cannot_review_and_others_are_refused()
    {
        using var other = await App.SignedInAsync(App.People.OtherPartnershipManager);
        foreach (var url in new[] { $"/rounds/{OpenRound}", $"/rounds/{OpenRound}/sample.csv", $"/rounds/{OpenRound}/review", $"/rounds/{OpenRound}/review/lock" })
        {
            (await other.GetAsync(url)).ShouldBeNotFound();
        }

        (await other.GetAsync("/rounds")).Document.QuerySelectorAll("#rounds tbody tr").Should().BeEmpty();

        using var moderator = await App.SignedInAsync(App.People.Moderator);
        (await moderator.GetAsync($"/rounds/{OpenRound}")).Document.QuerySelector("a[href$='/review']").Should().BeNull();
        (await moderator.GetAsync($"/rounds/{OpenRound}/review")).ShouldBeForbidden();

        foreach (var email in new[] { App.People.Viewer, App.People.Auditor, App.People.School })
        {
            using var client = await App.SignedInAsync(email);
            (await client.GetAsync("/rounds")).ShouldBeForbidden();
            (await client.GetAsync($"/rounds/{OpenRound}")).ShouldBeForbidden();
            (await client.GetAsync($"/rounds/{OpenRound}/sample.csv")).ShouldBeForbidden();
        }

        using var manager = await App.SignedInAsync(App.People.Manager);
        (await manager.GetAsync("/rounds/Rnosuchround")).ShouldBeNotFound();
        (await manager.GetAsync($"/rounds/{OpenRound}/review/replace?case=NOT-IN-IT")).Location.Should().Be($"/rounds/{OpenRound}/review", "a locked sample's review shows why it cannot change");
    }

    /// <summary>A rapid round of a new test cycle, opened by the engine's own starter; its draw waits for review when <paramref name="review"/>.</summary>
    private async Task<string> RapidRoundAsync(string cycleId, bool review = true, string? requiredSkill = null)
    {
        var cycle = TestCycles.Definition(cycleId, review, requiredSkill: requiredSkill);
        await App.Services.GetRequiredService<CycleLifecycle>().AddOrUpdateAsync("demo", cycle, CancellationToken.None);
        var started = await App.Services.GetRequiredService<RoundStarter>().StartRapidAsync("demo", cycle, 5, CancellationToken.None);
        return started.RoundId;
    }

    private async Task<int> UnassignedAsync(string round)
    {
        await using var connection = await App.Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM unassigned_task WHERE round_id = @round", new { round });
    }

    private async Task<int> TasksAsync(string round)
    {
        await using var connection = await App.Database.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM audit_task WHERE round_id = @round", new { round });
    }

    /// <summary>A case of the register in the round's population but in none of its lists.</summary>
    private async Task<string> OtherCaseAsync(string round)
    {
        await using var connection = await App.Database.OpenAsync(CancellationToken.None);
        return await connection.QueryFirstAsync<string>("""
            SELECT case_ref FROM case_record WHERE partnership_id = 'demo' AND agency = 'csc'
              AND case_ref NOT IN (SELECT case_ref FROM sample_case WHERE round_id = @round) ORDER BY case_ref
            """, new { round });
    }
}
