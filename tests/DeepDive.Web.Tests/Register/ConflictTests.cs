using System.Net;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Register;

public sealed class ConflictTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task A_declared_conflict_with_a_case_is_stored_listed_and_logged()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        var caseRef = (await App.QueryAsync<string>("SELECT case_ref FROM case_record WHERE partnership_id = 'demo' ORDER BY case_ref")).Last();

        var posted = await client.SubmitAsync("/register/conflicts/declare", new Dictionary<string, string>
        {
            ["Input.AuditorId"] = App.People.AuditorId,
            ["Input.Kind"] = "case",
            ["Input.Subject"] = caseRef,
            ["Input.Reason"] = "Knows the family from church",
        });

        posted.Status.Should().Be(HttpStatusCode.Redirect, posted.Text);
        posted.Location.Should().Be("/register/conflicts");
        var list = await client.GetAsync("/register/conflicts");
        list.Document.QuerySelector(".govuk-notification-banner--success")!.TextContent.Should().Contain($"will not be given case {caseRef}");
        var row = list.Document.QuerySelectorAll("#conflicts tbody tr").Should().ContainSingle(r => r.TextContent.Contains(caseRef)).Subject;
        row.TextContent.Should().Contain(App.People.AuditorId).And.Contain($"Case {caseRef}").And.Contain("Knows the family from church").And.Contain("Morgan Manager");
        (await App.ScalarAsync<string>("SELECT reason FROM auditor_conflict WHERE partnership_id = 'demo' AND auditor_id = @Id AND subject = @Ref",
            new { Id = App.People.AuditorId, Ref = caseRef })).Should().Be("Knows the family from church");
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM access_log WHERE object_type = 'declared-conflict' AND action = 'change' AND object_id LIKE '%/case/%'")).Should().Be(1);
        (await client.GetAsync("/register")).Document.QuerySelector("#conflict-count")!.TextContent.Should().Be(
            (await App.ScalarAsync<int>("SELECT COUNT(*) FROM auditor_conflict WHERE partnership_id = 'demo'")).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_form_names_each_missing_answer_against_its_field()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var empty = await client.SubmitAsync("/register/conflicts/declare", new Dictionary<string, string>());
        var unknownCase = await client.SubmitAsync("/register/conflicts/declare", new Dictionary<string, string>
        {
            ["Input.AuditorId"] = App.People.AuditorId,
            ["Input.Kind"] = "case",
            ["Input.Subject"] = "NOPE-0000",
            ["Input.Reason"] = "x",
        });
        var unknownAuditor = await client.SubmitAsync("/register/conflicts/declare", new Dictionary<string, string>
        {
            ["Input.AuditorId"] = "A-nobody",
            ["Input.Kind"] = "team",
            ["Input.Subject"] = "csc-north",
            ["Input.Reason"] = "x",
        });

        empty.Status.Should().Be(HttpStatusCode.OK);
        empty.Errors.Should().Equal("Select the auditor who has the conflict", "Select what the conflict is with",
            "Enter the case reference, worker's staff id or team", "Enter why the auditor has a conflict");
        empty.Document.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href"))
            .Should().Equal("#Input_AuditorId", "#Input_Kind", "#Input_Subject", "#Input_Reason");
        empty.Document.QuerySelector("#Input_Kind-error").Should().NotBeNull();
        unknownCase.Errors.Should().Equal("There is no case NOPE-0000 in the case register: check the reference");
        unknownAuditor.Errors.Should().Equal("Select the auditor who has the conflict");
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM auditor_conflict WHERE subject IN ('NOPE-0000', 'csc-north')")).Should().Be(0);
    }

    [Fact]
    public async Task A_conflict_with_a_worker_nobody_has_yet_is_stored_with_a_note_to_check_the_spelling()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        await client.SubmitAsync("/register/conflicts/declare", new Dictionary<string, string>
        {
            ["Input.AuditorId"] = App.People.OtherAuditorId,
            ["Input.Kind"] = "worker",
            ["Input.Subject"] = "W-not-yet",
            ["Input.Reason"] = "Her sister",
        });

        var list = await client.GetAsync("/register/conflicts");
        list.Document.QuerySelector(".govuk-notification-banner--success")!.TextContent.Should().Contain("No case in the register has worker 'W-not-yet' yet");
        list.Text.Should().Contain("Cases of worker W-not-yet");
    }

    [Fact]
    public async Task Declaring_without_the_anti_forgery_token_is_refused()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var posted = await client.PostAsync("/register/conflicts/declare", new Dictionary<string, string>
        {
            ["Input.AuditorId"] = App.People.AuditorId,
            ["Input.Kind"] = "team",
            ["Input.Subject"] = "csc-csrf",
            ["Input.Reason"] = "x",
        });

        posted.Status.Should().Be(HttpStatusCode.BadRequest);
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM auditor_conflict WHERE subject = 'csc-csrf'")).Should().Be(0);
    }

    [Fact]
    public async Task Another_partnerships_manager_cannot_declare_a_conflict_for_this_partnerships_auditor()
    {
        using var client = await App.SignedInAsync(App.People.OtherPartnershipManager);

        var posted = await client.SubmitAsync("/register/conflicts/declare", new Dictionary<string, string>
        {
            ["Input.AuditorId"] = App.People.AuditorId,
            ["Input.Kind"] = "team",
            ["Input.Subject"] = "csc-other",
            ["Input.Reason"] = "x",
        });

        posted.Errors.Should().Equal("Select the auditor who has the conflict");
        (await client.GetAsync("/register/conflicts")).Document.QuerySelector("#no-conflicts").Should().NotBeNull();
    }
}
