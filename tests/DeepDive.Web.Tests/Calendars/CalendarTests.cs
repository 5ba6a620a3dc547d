using System.Net;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Calendars;

public sealed class CalendarTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Terms = """
        term,start,end
        Autumn 1,2026-09-02,2026-10-23
        Autumn 2,2026-11-02,2026-12-18
        Spring 1,2027-01-04,2027-02-12
        Spring 2,2027-02-22,2027-03-25
        Summer 1,2027-04-12,2027-05-28
        Summer 2,2027-06-07,2027-07-21
        """;

    private TestApp App => fixture.App;

    [Fact]
    public async Task A_year_shows_its_bank_holidays_with_their_weekdays()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var page = await client.GetAsync("/calendars?year=2027");

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelector("h1")!.TextContent.Should().Be("Calendar 2027");
        var rows = page.Document.QuerySelectorAll("#bank-holidays tbody tr").Select(r => r.TextContent.Trim().ReplaceLineEndings(" ")).ToList();
        rows.Should().HaveCount(8);
        rows.Should().Contain(r => r.Contains("Friday 26 March 2027") && r.Contains("Good Friday"));
        rows.Should().Contain(r => r.Contains("Tuesday 28 December 2027") && r.Contains("Boxing Day (substitute day)"));
        page.Document.QuerySelector("a[href='/calendars?year=2028']").Should().NotBeNull();
    }

    [Fact]
    public async Task A_year_the_bank_holidays_file_does_not_cover_is_said_to_be_unchecked()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var page = await client.GetAsync("/calendars?year=2035");

        page.Document.QuerySelector("#bank-holidays-missing")!.TextContent.Should()
            .Contain("No bank holidays are known for 2035").And.Contain("covers 2025 to 2030");
        page.Document.QuerySelector("#bank-holidays").Should().BeNull();
    }

    [Fact]
    public async Task Uploaded_term_dates_give_the_school_holidays_between_them_for_this_partnership_only()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        (await client.GetAsync("/calendars?year=2027")).Document.QuerySelector("#no-terms").Should().NotBeNull();

        var posted = await client.UploadAsync("/calendars/terms/upload", "Upload", "terms.csv", Terms);

        posted.Location.Should().Be("/calendars", posted.Text);
        var page = await client.GetAsync("/calendars?year=2027");
        page.Document.QuerySelector(".govuk-notification-banner--success")!.TextContent.Should().Contain("6 school terms imported from terms.csv");
        var holidays = page.Document.QuerySelectorAll("#school-holidays tbody tr").Select(r => r.TextContent.Trim().ReplaceLineEndings(" ")).ToList();
        holidays.Should().Contain(h => h.Contains("February half term") && h.Contains("Saturday 13 February to Sunday 21 February 2027"));
        holidays.Should().Contain(h => h.Contains("Christmas holidays") && h.Contains("Saturday 19 December 2026 to Sunday 3 January 2027"));
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM school_term WHERE partnership_id = 'demo'")).Should().Be(6);
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM access_log WHERE object_type = 'school-terms' AND action = 'change'")).Should().Be(1);

        using var other = await App.SignedInAsync(App.People.OtherPartnershipManager);
        (await other.GetAsync("/calendars?year=2027")).Document.QuerySelector("#no-terms").Should().NotBeNull();
    }

    [Fact]
    public async Task A_terms_file_with_errors_lists_them_all_and_stores_no_term()
    {
        using var client = await App.SignedInAsync(App.People.OtherPartnershipManager);

        var posted = await client.UploadAsync("/calendars/terms/upload", "Upload", "terms.csv", """
            term,start,end
            Autumn 1,2027-09-01,2027-10-22
            Autumn 2,2027-10-20,2027-12-17
            Spring 1,2028-01-04,2028-31-01
            """);

        posted.Status.Should().Be(HttpStatusCode.OK);
        posted.Errors.Should().Equal(
            "The file was not imported because it has 2 errors: nothing was saved. Correct the file and upload it again",
            "line 3, column start: the term starts on 2027-10-20, before the term on line 2 ends (2027-10-22); terms must not overlap",
            "line 4, column end: '2028-31-01' is not a date in the form yyyy-MM-dd");
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM school_term WHERE partnership_id = 'other'")).Should().Be(0);
    }

    [Fact]
    public async Task Uploading_terms_needs_the_anti_forgery_token_and_the_manager_role()
    {
        using var manager = await App.SignedInAsync(App.People.OtherPartnershipManager);
        var forged = await manager.UploadAsync("/calendars/terms/upload", "Upload", "terms.csv", Terms, withToken: false);
        forged.Status.Should().Be(HttpStatusCode.BadRequest);
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM school_term WHERE partnership_id = 'other'")).Should().Be(0);

        foreach (var email in new[] { App.People.Moderator, App.People.Viewer, App.People.School, App.People.Auditor })
        {
            using var client = await App.SignedInAsync(email);
            (await client.GetAsync("/calendars")).Location.Should().StartWith("http://localhost/forbidden", email);
            (await client.GetAsync("/calendars/terms/upload")).Location.Should().StartWith("http://localhost/forbidden", email);
        }
    }
}
