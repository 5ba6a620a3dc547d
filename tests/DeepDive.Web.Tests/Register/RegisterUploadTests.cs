using System.Net;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Register;

public sealed class RegisterUploadTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string CaseHeader = "case_ref,agency,case_type,team,worker,school,opened,closed,involved_agencies";

    private TestApp App => fixture.App;

    [Fact]
    public async Task A_good_cases_file_adds_new_cases_updates_known_ones_and_says_how_many()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        var known = (await App.QueryAsync<string>("SELECT case_ref FROM case_record WHERE partnership_id = 'demo' AND agency = 'police' ORDER BY case_ref")).First();
        var before = await App.ScalarAsync<int>("SELECT COUNT(*) FROM case_record WHERE partnership_id = 'demo'");

        var posted = await client.UploadAsync("/register/cases/upload", "Upload", "cases.csv", $"""
            {CaseHeader}
            WEB-2027-000001,csc,child-in-need,csc-north,W-9001,SCH002,2027-03-01,,police
            {known},police,child-protection,police-moved,W-9002,,2026-01-05,,
            """);

        posted.Status.Should().Be(HttpStatusCode.Redirect, posted.Text);
        posted.Location.Should().Be("/register/cases");
        var list = await client.GetAsync("/register/cases?q=WEB-2027");
        list.Document.QuerySelector(".govuk-notification-banner--success")!.TextContent.Should().Contain("2 cases imported from cases.csv: 1 new, 1 updated");
        list.Document.QuerySelectorAll("#cases tbody tr").Should().ContainSingle().Which.TextContent.Should().Contain("WEB-2027-000001").And.Contain("1 March 2027");
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM case_record WHERE partnership_id = 'demo'")).Should().Be(before + 1);
        (await App.ScalarAsync<string>("SELECT team FROM case_record WHERE partnership_id = 'demo' AND case_ref = @Ref", new { Ref = known })).Should().Be("police-moved");
        (await App.ScalarAsync<string>("SELECT detail FROM access_log WHERE partnership_id = 'demo' AND object_type = 'case-register' AND action = 'change'"))
            .Should().Be("2 cases imported from cases.csv: 1 new, 1 updated");
    }

    [Fact]
    public async Task A_cases_file_with_errors_lists_every_one_by_line_and_column_and_saves_nothing()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        var before = await App.ScalarAsync<int>("SELECT COUNT(*) FROM case_record");

        var posted = await client.UploadAsync("/register/cases/upload", "Upload", "cases.csv", $"""
            {CaseHeader}
            WEB-BAD-000001,csc,child-in-need,csc-north,W-9001,,2027-03-01,,
            WEB-BAD-000002,csc,child-in-need,csc-north,W-9001,,06/01/2025,,
            Jane Smith,csc,child-in-need,csc-north,W-9001,,2027-03-01,,
            WEB-BAD-000004,,child-in-need,csc-north,W-9001,,2027-03-01,2027-01-01,
            """);

        posted.Status.Should().Be(HttpStatusCode.OK);
        posted.Document.Title.Should().StartWith("Error: ");
        posted.Errors.Should().Equal(
            "The file was not imported because it has 4 errors: nothing was saved. Correct the file and upload it again",
            "line 3, column opened: '06/01/2025' is not a date in the form yyyy-MM-dd",
            "line 4, column case_ref: contains a space, so it may be a name; use the agency's pseudonymised case reference (such as CSC-2025-000123), never a name",
            "line 5, column agency: a value is required",
            "line 5, column closed: closed 2027-01-01 is before opened 2027-03-01");
        posted.Document.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.GetAttribute("href")).Distinct().Should().Equal("#Upload");
        posted.Document.QuerySelector("#Upload-error")!.TextContent.Should().Contain("nothing was saved");
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM case_record")).Should().Be(before, "the good first row is not saved either");
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM case_record WHERE case_ref = 'WEB-BAD-000001'")).Should().Be(0);
    }

    [Fact]
    public async Task A_missing_empty_or_non_csv_file_is_refused_in_GOV_UK_words()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var none = await client.UploadAsync("/register/auditors/upload", "Upload", "", "");
        var empty = await client.UploadAsync("/register/auditors/upload", "Upload", "auditors.csv", "");
        var notCsv = await client.UploadAsync("/register/auditors/upload", "Upload", "auditors.xlsx", "auditor_id,name");

        none.Errors.Should().Equal("Select a CSV file");
        empty.Errors.Should().Equal("The selected file is empty");
        notCsv.Errors.Should().Equal("The selected file must be a CSV");
    }

    [Fact]
    public async Task An_auditors_file_is_imported_whole_or_refused_whole()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var bad = await client.UploadAsync("/register/auditors/upload", "Upload", "pool.csv", """
            auditor_id,name,agency,team,skills,monthly_capacity,shoe_size
            AUD-WEB-1,Ann Example,police,police-east,,4,9
            """);
        var good = await client.UploadAsync("/register/auditors/upload", "Upload", "pool.csv", """
            auditor_id,name,agency,team,skills,monthly_capacity
            AUD-WEB-1,Ann Example,police,police-east,police;education,4
            AUD-WEB-2,Bo Example,health,health-west,,101
            """);
        var fixedFile = await client.UploadAsync("/register/auditors/upload", "Upload", "pool.csv", """
            auditor_id,name,agency,team,skills,monthly_capacity
            AUD-WEB-1,Ann Example,police,police-east,police;education,4
            AUD-WEB-2,Bo Example,health,health-west,,10
            """);

        bad.Errors.Should().HaveCount(2).And.Contain(e => e.StartsWith("line 1, column shoe_size: unknown column", StringComparison.Ordinal));
        good.Errors.Should().EndWith("line 3, column monthly_capacity: 101 is outside the range 0 to 100");
        fixedFile.Location.Should().Be("/register/auditors");
        var pool = await client.GetAsync("/register/auditors?q=AUD-WEB");
        pool.Document.QuerySelectorAll("#auditors tbody tr").Should().HaveCount(2);
        pool.Document.QuerySelector(".govuk-notification-banner--success")!.TextContent.Should().Contain("2 auditors imported from pool.csv: 2 new, 0 updated");
    }

    [Fact]
    public async Task An_upload_without_its_anti_forgery_token_is_refused_and_saves_nothing()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var posted = await client.UploadAsync("/register/cases/upload", "Upload", "cases.csv", $"""
            {CaseHeader}
            WEB-CSRF-000001,csc,child-in-need,csc-north,W-9001,,2027-03-01,,
            """, withToken: false);

        posted.Status.Should().Be(HttpStatusCode.BadRequest);
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM case_record WHERE case_ref = 'WEB-CSRF-000001'")).Should().Be(0);
    }

    [Fact]
    public async Task Another_partnerships_manager_uploads_into_their_own_register()
    {
        using var client = await App.SignedInAsync(App.People.OtherPartnershipManager);

        var posted = await client.UploadAsync("/register/cases/upload", "Upload", "cases.csv", $"""
            {CaseHeader}
            OTHER-2027-000001,csc,child-in-need,csc-north,W-1,,2027-03-01,,
            """);

        posted.Location.Should().Be("/register/cases");
        (await App.ScalarAsync<string>("SELECT partnership_id FROM case_record WHERE case_ref = 'OTHER-2027-000001'")).Should().Be("other");
        using var demo = await App.SignedInAsync(App.People.Manager);
        (await demo.GetAsync("/register/cases?q=OTHER-2027")).Document.QuerySelector("#no-results").Should().NotBeNull();
    }
}
