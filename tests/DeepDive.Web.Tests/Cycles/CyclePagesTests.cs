using System.Net;
using System.Net.Http.Headers;
using Dapper;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Scheduling;
using DeepDive.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DeepDive.Web.Tests.Cycles;

public sealed class CyclePagesTests(EngineAppFixture fixture) : IClassFixture<EngineAppFixture>
{
    private TestApp App => fixture.App;

    private CycleStore Store => App.Services.GetRequiredService<CycleStore>();

    [Fact]
    public async Task The_list_shows_every_cycle_of_the_partnership_with_its_status()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var page = await client.GetAsync("/cycles");

        page.Status.Should().Be(HttpStatusCode.OK);
        var rows = page.Document.QuerySelectorAll("tbody tr");
        var stored = await Store.ListEntriesAsync("demo", CancellationToken.None);
        rows.Select(r => r.QuerySelector("a")!.GetAttribute("href")).Should().Contain(stored.Select(c => $"/cycles/{c.Definition.Id}"));
        var neglect = rows.Single(r => r.QuerySelector("a")!.GetAttribute("href") == "/cycles/neglect");
        neglect.QuerySelector(".govuk-tag")!.TextContent.Should().Be("Active");
        neglect.TextContent.Should().Contain("The first Monday of");
    }

    [Fact]
    public async Task A_cycle_page_shows_its_definition_its_next_ten_rounds_in_UK_time_and_its_history()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var page = await client.GetAsync("/cycles/neglect");

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelector("h1")!.TextContent.Should().Contain("Neglect");
        var definition = page.Document.QuerySelector("#definition")!.TextContent;
        definition.Should().Contain("Sample").And.Contain("Re-audits").And.Contain("Which cases");
        var next = page.Document.QuerySelectorAll("#next-rounds tbody tr");
        next.Should().HaveCount(10);
        var expected = await App.Services.GetRequiredService<CycleNext>().ListAsync("demo", "neglect", null, 10, CancellationToken.None);
        var first = TimeZoneInfo.ConvertTime(expected!.Rounds[0].At, TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
        next[0].QuerySelector("td")!.TextContent.Should().StartWith(first.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture) + " at ");
        next[0].QuerySelector("td")!.TextContent.Should().MatchRegex(@" at (\d{1,2}(:\d\d)?(am|pm)|midday|midnight)$");
        var moved = expected.Rounds.Select((r, i) => (r, i)).Where(x => x.r.WasMoved).ToList();
        foreach (var (round, i) in moved)
        {
            next[i].TextContent.Should().Contain("Moved from").And.Contain(round.Reason!);
        }

        page.Document.QuerySelectorAll("#history tbody tr").Select(r => r.QuerySelectorAll("td")[1].TextContent).Should().Contain("Added");
        page.Document.QuerySelectorAll("#rounds tbody tr a").Select(a => a.GetAttribute("href")).Should().Contain("/rounds/Rbc2d1a405d4");
    }

    [Fact]
    public async Task Another_partnerships_manager_gets_page_not_found_and_other_roles_are_refused()
    {
        using var other = await App.SignedInAsync(App.People.OtherPartnershipManager);
        (await other.GetAsync("/cycles/neglect")).ShouldBeNotFound();
        (await other.GetAsync("/cycles/neglect/edit")).ShouldBeNotFound();
        (await other.GetAsync("/cycles/neglect/retire")).ShouldBeNotFound();
        (await other.GetAsync("/cycles/neglect/file")).ShouldBeNotFound();
        (await other.GetAsync("/cycles/neglect/rapid")).ShouldBeNotFound();
        (await other.GetAsync("/cycles/neglect/edit/file")).ShouldBeNotFound();
        (await other.GetAsync("/cycles")).Document.QuerySelectorAll("tbody tr").Should().BeEmpty();

        foreach (var email in new[] { App.People.Moderator, App.People.Viewer, App.People.Auditor, App.People.School })
        {
            using var client = await App.SignedInAsync(email);
            (await client.GetAsync("/cycles")).ShouldBeForbidden();
            (await client.GetAsync("/cycles/neglect")).ShouldBeForbidden();
            (await client.GetAsync("/cycles/add")).ShouldBeForbidden();
        }
    }

    [Fact]
    public async Task A_manager_adds_a_cycle_through_the_form_and_its_trigger_is_scheduled()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var added = await client.FillAsync("/cycles/add", TestCycles.Form("form-added"));

        added.Status.Should().Be(HttpStatusCode.Redirect, added.Errors.FirstOrDefault() ?? added.Text);
        added.Location.Should().Be("/cycles/form-added");
        var entry = await Store.GetEntryAsync("demo", "form-added", CancellationToken.None);
        entry!.Status.Should().Be(CycleStatus.Active);
        var cycle = entry.Definition;
        cycle.Schedule.Months.Should().Equal(3, 9);
        cycle.SampleSize.Should().Be(5);
        cycle.Population.Agencies.Should().Equal("csc", "police");
        cycle.PriorityTags.Should().Equal("neglect", "exploitation");
        cycle.Exclusions.Siblings.Should().BeTrue("the form starts from a cycle file's defaults");
        cycle.Chase.RemindBeforeWorkingDays.Should().Equal(5, 1);
        var triggers = App.Services.GetRequiredService<CycleTriggers>();
        (await triggers.StateAsync("demo", "form-added", CancellationToken.None)).Should().Be(TriggerState.Normal);

        var page = await client.GetAsync(added.Location!);
        page.Document.QuerySelector(".govuk-notification-banner--success")!.TextContent.Should().Contain("Cycle added");
        page.Document.QuerySelectorAll("#next-rounds tbody tr").Should().HaveCount(10);
        page.Document.QuerySelectorAll("#next-rounds tbody tr td:first-child").Select(td => td.TextContent)
            .Should().AllSatisfy(t => t.Should().MatchRegex("(March|September) 20\\d\\d at 9am$"));
        (await AccessLogAsync("cycle", "form-added")).Should().Contain("added");
    }

    [Fact]
    public async Task A_form_with_mistakes_shows_each_against_its_field_in_page_order_and_keeps_what_was_typed()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        var form = TestCycles.Form("Bad Id!", sampleSize: "lots");
        form["Input.Name"] = [""];
        form["Input.Time"] = ["9am"];
        form["Input.Method"] = ["stratified"];
        form["Input.IntervalMonths"] = ["14"];
        form["Input.OpenedFrom"] = ["2027-02-01"];
        form["Input.OpenedTo"] = ["2027-01-01"];

        var page = await client.FillAsync("/cycles/add", form);

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.Title.Should().StartWith("Error: ");
        page.Errors.Should().Equal(
            "Cycle ID must only include lowercase letters, numbers and single hyphens, like neglect-2027",
            "Enter a name for the cycle",
            "Time must be a 24-hour time HH:mm, like 09:00",
            "Sample size must be a whole number, like 3",
            "Select what to stratify the sample by",
            "Opened on or before must be on or after 1 February 2027",
            "Months until the re-audit must be 11 or less");
        var links = page.Document.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).ToList();
        links.Should().Equal("#Input_Id", "#Input_Name", "#Input_Time", "#Input_SampleSize", "#Input_StratifyBy", "#Input_OpenedTo", "#Input_IntervalMonths");
        foreach (var link in links)
        {
            page.Document.QuerySelector(link!).Should().NotBeNull($"the error summary's link {link} lands on its field");
        }

        page.Document.QuerySelector("#Input_SampleSize")!.GetAttribute("value").Should().Be("lots");
        page.Document.QuerySelector("#Input_SampleSize-error")!.TextContent.Should().Contain("Sample size must be a whole number");
        page.Document.QuerySelector("#Input_Months")!.HasAttribute("checked").Should().BeFalse("January was not chosen");
        page.Document.QuerySelector("#Input_Months-3")!.HasAttribute("checked").Should().BeTrue("March was chosen");
        (await Store.GetEntryAsync("demo", "bad-id", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task A_cron_expression_Quartz_refuses_is_shown_against_its_field()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        var form = TestCycles.Form("cron-bad");
        form["Input.ScheduleType"] = ["cron"];
        form["Input.Cron"] = ["0 0 9 ? MAR MONDAY#9"];

        var page = await client.FillAsync("/cycles/add", form);

        page.Errors.Should().ContainSingle().Which.Should().StartWith("Cron expression: not a valid Quartz cron expression");
        page.Document.QuerySelector("#Input_Cron-error").Should().NotBeNull();
    }

    [Fact]
    public async Task An_id_already_used_is_refused()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var page = await client.FillAsync("/cycles/add", TestCycles.Form("neglect"));

        page.Errors.Should().Equal("A cycle with this ID already exists. Enter a different ID, or edit that cycle");
        (await Store.GetAsync("demo", "neglect", CancellationToken.None))!.Name.Should().NotStartWith("Test cycle");
    }

    [Fact]
    public async Task Exclusion_rules_are_added_and_removed_without_losing_what_was_typed()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        var form = TestCycles.Form("with-rules");

        var oneRule = await client.FillAsync("/cycles/add", form, handler: "AddRule");
        oneRule.Document.QuerySelector("#Input_Rules_0__Name").Should().NotBeNull();
        oneRule.Document.QuerySelector("#Input_Name")!.GetAttribute("value").Should().Be("Test cycle with-rules");
        var fields = FormFiller.Values(oneRule.Document.QuerySelector("main form")!).ToList();
        fields.RemoveAll(f => f.Key == "Input.Rules[0].Name" || f.Key == "Input.Rules[0].CaseTypes");
        fields.Add(new("Input.Rules[0].Name", "Care proceedings under way"));
        fields.Add(new("Input.Rules[0].CaseTypes", "court-order"));

        var saved = await FormFiller.PostAsync(client, "/cycles/add", fields);

        saved.Status.Should().Be(HttpStatusCode.Redirect, string.Join("; ", saved.Errors));
        var rule = (await Store.GetAsync("demo", "with-rules", CancellationToken.None))!.Exclusions.Rules.Should().ContainSingle().Subject;
        rule.Name.Should().Be("Care proceedings under way");
        rule.CaseTypes.Should().Equal("court-order");

        var edit = await client.GetAsync("/cycles/with-rules/edit");
        edit.Document.QuerySelector("#Input_Rules_0__Name")!.GetAttribute("value").Should().Be("Care proceedings under way");
        var removed = await FormFiller.PostAsync(client, "/cycles/with-rules/edit?handler=RemoveRule",
            FormFiller.Values(edit.Document.QuerySelector("main form")!).Append(new("index", "0")));
        removed.Document.QuerySelector("#Input_Rules_0__Name").Should().BeNull();
    }

    [Fact]
    public async Task Editing_through_the_form_replaces_the_definition_and_keeps_the_old_one_in_the_history()
    {
        var lifecycle = App.Services.GetRequiredService<CycleLifecycle>();
        await lifecycle.AddOrUpdateAsync("demo", TestCycles.Definition("to-edit"), CancellationToken.None);
        using var client = await App.SignedInAsync(App.People.Manager);

        var form = await client.GetAsync("/cycles/to-edit/edit");
        form.Document.QuerySelector("#Input_SampleSize")!.GetAttribute("value").Should().Be("4");
        form.Document.QuerySelector("#Input_Id").Should().BeNull("the id cannot change");
        var saved = await client.FillAsync("/cycles/to-edit/edit", new Dictionary<string, string[]>
        {
            ["Input.SampleSize"] = ["6"],
            ["Input.Id"] = ["something-else"],
            ["Input.AgeBands"] = ["5-9", "10-15"],
        });

        saved.Status.Should().Be(HttpStatusCode.Redirect, string.Join("; ", saved.Errors));
        var cycle = (await Store.GetAsync("demo", "to-edit", CancellationToken.None))!;
        cycle.Id.Should().Be("to-edit");
        cycle.SampleSize.Should().Be(6);
        cycle.Population.AgeBands.Should().Equal("5-9", "10-15");
        cycle.Sampling.Lock.Should().Be(SampleDesign.ManagerLock, "a field left alone keeps its value");
        var history = await Store.HistoryAsync("demo", "to-edit", CancellationToken.None);
        history.Last().Action.Should().Be("edited");
        CycleFile.Parse(history.Last().PreviousDefinitionJson!, "previous").SampleSize.Should().Be(4);
        (await AccessLogAsync("cycle", "to-edit")).Should().Contain("edited");
    }

    [Fact]
    public async Task A_cycle_file_is_added_by_upload_and_a_bad_one_lists_each_problem_with_its_place_in_words()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        var bad = TestCycles.Json("uploaded").Replace("\"months\": [3, 9]", "\"months\": [3, 13]", StringComparison.Ordinal)
            .Replace("\"sampleSize\": 4", "\"sampleSize\": 0", StringComparison.Ordinal);

        var refused = await UploadAsync(client, "/cycles/add/file", "uploaded.json", bad);

        refused.Status.Should().Be(HttpStatusCode.OK);
        refused.Errors.Should().Equal("Schedule, months, item 2: value 13 is above the maximum of 12", "Sample size: value 0 is below the minimum of 1");
        refused.Document.QuerySelector("#File-error")!.TextContent.Should().Contain("The file has 2 problems");
        (await Store.GetEntryAsync("demo", "uploaded", CancellationToken.None)).Should().BeNull();

        (await UploadAsync(client, "/cycles/add/file", "notes.txt", "hello")).Errors.Should().Equal("The selected file must be a JSON file (ending .json)");
        (await UploadAsync(client, "/cycles/add/file", "empty.json", "")).Errors.Should().Equal("The selected file is empty");

        var added = await UploadAsync(client, "/cycles/add/file", "uploaded.json", TestCycles.Json("uploaded"));
        added.Status.Should().Be(HttpStatusCode.Redirect, string.Join("; ", added.Errors));
        added.Location.Should().Be("/cycles/uploaded");
        (await Store.GetAsync("demo", "uploaded", CancellationToken.None))!.SampleSize.Should().Be(4);

        var wrongId = await UploadAsync(client, "/cycles/uploaded/edit/file", "other.json", TestCycles.Json("not-uploaded"));
        wrongId.Errors.Should().Equal("The file is for cycle not-uploaded, not uploaded. A cycle's ID cannot change: add a new cycle instead");
        var replaced = await UploadAsync(client, "/cycles/uploaded/edit/file", "uploaded.json", TestCycles.Json("uploaded", sampleSize: 7));
        replaced.Status.Should().Be(HttpStatusCode.Redirect, string.Join("; ", replaced.Errors));
        (await Store.GetAsync("demo", "uploaded", CancellationToken.None))!.SampleSize.Should().Be(7);
    }

    [Fact]
    public async Task The_downloaded_file_reads_back_as_the_same_cycle()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var response = await client.Http.GetAsync("/cycles/neglect/file");

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Content.Headers.ContentDisposition!.FileName.Should().Contain("neglect.json");
        var cycle = CycleFile.Parse(await response.Content.ReadAsStringAsync(), "neglect.json");
        cycle.Should().BeEquivalentTo(await Store.GetAsync("demo", "neglect", CancellationToken.None));
    }

    [Fact]
    public async Task Pausing_resuming_and_retiring_change_the_status_and_the_trigger()
    {
        var lifecycle = App.Services.GetRequiredService<CycleLifecycle>();
        var triggers = App.Services.GetRequiredService<CycleTriggers>();
        await lifecycle.AddOrUpdateAsync("demo", TestCycles.Definition("to-pause"), CancellationToken.None);
        using var client = await App.SignedInAsync(App.People.Manager);

        var paused = await client.SubmitAsync("/cycles/to-pause", new Dictionary<string, string>(), formAction: "/cycles/to-pause?handler=Pause");
        paused.Location.Should().Be("/cycles/to-pause");
        (await Store.GetEntryAsync("demo", "to-pause", CancellationToken.None))!.Status.Should().Be(CycleStatus.Paused);
        (await triggers.StateAsync("demo", "to-pause", CancellationToken.None)).Should().Be(TriggerState.Paused);
        var pausedPage = await client.GetAsync("/cycles/to-pause");
        pausedPage.Document.QuerySelector("h1 .govuk-tag")!.TextContent.Should().Be("Paused");
        pausedPage.Document.QuerySelector(".govuk-notification-banner--success")!.TextContent.Should().Contain("Cycle paused");

        var resumed = await client.SubmitAsync("/cycles/to-pause", new Dictionary<string, string>(), formAction: "/cycles/to-pause?handler=Resume");
        resumed.Location.Should().Be("/cycles/to-pause");
        (await Store.GetEntryAsync("demo", "to-pause", CancellationToken.None))!.Status.Should().Be(CycleStatus.Active);
        (await triggers.StateAsync("demo", "to-pause", CancellationToken.None)).Should().Be(TriggerState.Normal);
        (await client.GetAsync("/cycles/to-pause")).Document.QuerySelector(".govuk-notification-banner--success")!.TextContent
            .Should().Contain("Cycle resumed").And.Contain("No round fell while it was paused");

        var confirm = await client.GetAsync("/cycles/to-pause/retire");
        confirm.Document.QuerySelector("h1")!.TextContent.Should().Be("Are you sure you want to retire this cycle?");
        (await Store.GetEntryAsync("demo", "to-pause", CancellationToken.None))!.Status.Should().Be(CycleStatus.Active, "showing the confirmation changes nothing");
        var retired = await client.SubmitAsync("/cycles/to-pause/retire", new Dictionary<string, string>());
        retired.Location.Should().Be("/cycles/to-pause");
        (await Store.GetEntryAsync("demo", "to-pause", CancellationToken.None))!.Status.Should().Be(CycleStatus.Retired);
        (await triggers.StateAsync("demo", "to-pause", CancellationToken.None)).Should().Be(TriggerState.None);
        var retiredPage = await client.GetAsync("/cycles/to-pause");
        retiredPage.Document.QuerySelector("#next-rounds").Should().BeNull();
        retiredPage.Document.QuerySelectorAll("main form").Should().BeEmpty("a retired cycle cannot be paused, resumed or edited");

        var edit = await client.FillAsync("/cycles/to-pause/edit", new Dictionary<string, string[]> { ["Input.SampleSize"] = ["9"] });
        edit.Errors.Should().Equal("This cycle is retired, so it cannot be changed. Add a new cycle instead");
        (await AccessLogAsync("cycle", "to-pause")).Should().Contain(["paused", "resumed", "retired"]);
    }

    [Fact]
    public async Task A_rapid_audit_opens_a_round_now_with_its_draw_waiting_for_review()
    {
        var lifecycle = App.Services.GetRequiredService<CycleLifecycle>();
        await lifecycle.AddOrUpdateAsync("demo", TestCycles.Definition("rapid-one"), CancellationToken.None);
        using var client = await App.SignedInAsync(App.People.Manager);

        var invalid = await client.SubmitAsync("/cycles/rapid-one/rapid", new Dictionary<string, string> { ["Input.WorkingDays"] = "0" });
        invalid.Errors.Should().Equal("Working days must be a whole number from 1 to 60");

        var opened = await client.SubmitAsync("/cycles/rapid-one/rapid", new Dictionary<string, string> { ["Input.WorkingDays"] = "3" });

        opened.Status.Should().Be(HttpStatusCode.Redirect, string.Join("; ", opened.Errors));
        opened.Location.Should().StartWith("/rounds/R");
        var roundId = opened.Location!["/rounds/".Length..];
        await using var connection = await App.Database.OpenAsync(CancellationToken.None);
        var round = await connection.QuerySingleAsync<(string Kind, string Status, string CycleId)>(
            "SELECT kind, status, cycle_id FROM audit_round WHERE round_id = @roundId AND partnership_id = 'demo'", new { roundId });
        round.Should().Be(("rapid", "awaiting-review", "rapid-one"));
        var page = await client.GetAsync(opened.Location);
        page.Document.QuerySelector(".govuk-notification-banner--success")!.TextContent.Should().Contain("Rapid audit opened. Its tasks are due by");
        page.Document.QuerySelector("a[href$='/review']").Should().NotBeNull();
    }

    [Fact]
    public async Task Forms_posted_without_their_anti_forgery_token_are_refused()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        foreach (var url in new[] { "/cycles/add", "/cycles/add/file", "/cycles/neglect/edit", "/cycles/neglect/edit/file", "/cycles/neglect?handler=Pause", "/cycles/neglect/retire", "/cycles/neglect/rapid" })
        {
            (await client.PostAsync(url, new Dictionary<string, string> { ["Input.Id"] = "no-token", ["Input.WorkingDays"] = "5" })).Status
                .Should().Be(HttpStatusCode.BadRequest, url);
        }

        (await Store.GetEntryAsync("demo", "neglect", CancellationToken.None))!.Status.Should().Be(CycleStatus.Active);
        (await Store.GetEntryAsync("demo", "no-token", CancellationToken.None)).Should().BeNull();
    }

    private static async Task<BrowserClient.Page> UploadAsync(BrowserClient client, string url, string fileName, string text)
    {
        var form = await client.GetAsync(url);
        var token = form.Document.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Add(file, "File", fileName);
        return await FormFiller.ReadAsync(await client.Http.PostAsync(url, content));
    }

    private async Task<List<string>> AccessLogAsync(string type, string id)
    {
        await using var connection = await App.Database.OpenAsync(CancellationToken.None);
        return [.. await connection.QueryAsync<string>(
            "SELECT detail FROM access_log WHERE partnership_id = 'demo' AND action = 'change' AND object_type = @type AND object_id = @id ORDER BY at_utc",
            new { type, id })];
    }
}
