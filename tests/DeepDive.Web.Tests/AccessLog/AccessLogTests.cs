using System.Net;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.AccessLog;

/// <summary>The log in July 2027 is made by the tests (the demo year ran without the web app), at chosen times.</summary>
public sealed class AccessLogTests : IClassFixture<AppFixture>, IAsyncLifetime
{
    private const string July = "From.Day=1&From.Month=7&From.Year=2027&To.Day=5&To.Month=7&To.Year=2027";

    private readonly AppFixture fixture;

    public AccessLogTests(AppFixture fixture) => this.fixture = fixture;

    private TestApp App => fixture.App;

    public async Task InitializeAsync()
    {
        if (await App.ScalarAsync<int>("SELECT COUNT(*) FROM access_log WHERE object_type = 'test-case'") > 0)
        {
            return;
        }

        var start = new DateTime(2027, 7, 3, 9, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 58; i++)
        {
            await AddAsync("demo", App.People.Auditor, start.AddMinutes(i), "view", $"T-{i:00}", null);
        }

        await AddAsync("demo", App.People.Moderator, start.AddHours(2), "change", "T-formula", "=HYPERLINK(\"http://evil\",\"x\"), and a comma");
        // 00:30 on 1 July in London (BST) is the evening before in UTC: in the range. 00:30 on 6 July in London is not.
        await AddAsync("demo", App.People.Moderator, new DateTime(2027, 6, 30, 23, 30, 0, DateTimeKind.Utc), "view", "T-first-minutes", null);
        await AddAsync("demo", App.People.Moderator, new DateTime(2027, 7, 5, 23, 30, 0, DateTimeKind.Utc), "view", "T-after-the-end", null);
        await AddAsync("other", App.People.OtherPartnershipManager, start, "view", "T-other", null);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Entries_between_two_UK_dates_are_listed_newest_first_a_page_at_a_time()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var first = await client.GetAsync("/access-log?" + July);
        var second = await client.GetAsync(first.Document.QuerySelector(".govuk-pagination__next a")!.GetAttribute("href")!);

        first.Status.Should().Be(HttpStatusCode.OK);
        first.Document.QuerySelector("#range")!.TextContent.Should().Be("1 July 2027 to 5 July 2027");
        first.Text.Should().Contain("Showing 1 to 50 of 60 entries");
        Objects(first).Should().HaveCount(50).And.StartWith("Test case T-formula");
        Objects(second).Should().HaveCount(10).And.EndWith("Test case T-first-minutes");
        var all = Objects(first).Concat(Objects(second)).ToList();
        all.Should().NotContain("Test case T-after-the-end").And.NotContain("Test case T-other");
        first.Document.QuerySelector("#entries tbody tr")!.TextContent.Should().Contain("3 July 2027").And.Contain("midday");
    }

    [Fact]
    public async Task Entries_are_chosen_by_user()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var page = await client.GetAsync($"/access-log?{July}&user={Uri.EscapeDataString(App.People.Moderator)}");

        Objects(page).Should().Equal("Test case T-formula", "Test case T-first-minutes");
        page.Document.QuerySelector("#user option[selected]")!.GetAttribute("value").Should().Be(App.People.Moderator);
    }

    [Fact]
    public async Task Dates_that_are_incomplete_unreal_or_the_wrong_way_round_are_named_in_GOV_UK_words()
    {
        using var client = await App.SignedInAsync(App.People.Manager);

        var incomplete = await client.GetAsync("/access-log?From.Day=1&To.Day=5&To.Month=7&To.Year=2027");
        var unreal = await client.GetAsync("/access-log?From.Day=30&From.Month=2&From.Year=2027&To.Day=5&To.Month=7&To.Year=2027");
        var backwards = await client.GetAsync("/access-log?From.Day=5&From.Month=7&From.Year=2027&To.Day=1&To.Month=7&To.Year=2027");

        incomplete.Errors.Should().Equal("Start date must include a month and year");
        incomplete.Document.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href").Should().Be("#From");
        incomplete.Document.QuerySelector("#From")!.ClassList.Should().Contain("govuk-input--error");
        incomplete.Document.QuerySelector("#entries").Should().BeNull();
        unreal.Errors.Should().Equal("Start date must be a real date");
        backwards.Errors.Should().Equal("End date must be the same as or after the start date");
        backwards.Document.QuerySelector("#To-month")!.GetAttribute("value").Should().Be("7", "what was typed is kept");
    }

    [Fact]
    public async Task Without_dates_the_log_shows_the_last_week_including_what_was_just_done()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        await client.GetAsync("/register/cases?q=last-week-check");

        var page = await client.GetAsync("/access-log");

        page.Document.QuerySelector("#From-year")!.GetAttribute("value").Should().NotBeNullOrEmpty();
        Objects(page).Should().Contain("Case register last-week-check");
    }

    [Fact]
    public async Task The_export_is_the_same_selection_as_a_CSV_file_safe_to_open_in_a_spreadsheet_and_is_logged()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        var page = await client.GetAsync("/access-log?" + July);
        var href = page.Document.QuerySelector("#export")!.GetAttribute("href")!;

        var response = await client.Http.GetAsync(href);
        var csv = await response.Content.ReadAsStringAsync();

        href.Should().StartWith("/access-log/export?");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').Should().Be("access-log-2027-07-01-to-2027-07-05.csv");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("time (UK),user,action,object type,object,detail,address");
        lines.Should().HaveCount(61);
        lines[1].Should().Be($"2027-07-03 12:00:00,{App.People.Moderator},change,test-case,T-formula,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\"), and a comma\",10.0.0.1");
        lines[^1].Should().StartWith("2027-07-01 00:30:00,");
        (await App.ScalarAsync<int>("SELECT COUNT(*) FROM access_log WHERE object_type = 'access-log' AND object_id = 'export' AND detail = '2027-07-01 to 2027-07-05'"))
            .Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Another_partnership_sees_only_its_own_log_and_the_log_is_for_managers_only()
    {
        using var other = await App.SignedInAsync(App.People.OtherPartnershipManager);

        Objects(await other.GetAsync("/access-log?" + July)).Should().Equal("Test case T-other");
        (await other.GetAsync("/access-log/nonsense")).Status.Should().Be(HttpStatusCode.NotFound);
        foreach (var email in new[] { App.People.Moderator, App.People.Viewer, App.People.School, App.People.Auditor })
        {
            using var client = await App.SignedInAsync(email);
            (await client.GetAsync("/access-log")).Location.Should().StartWith("http://localhost/forbidden", email);
            (await client.GetAsync("/access-log/export?" + July)).Location.Should().StartWith("http://localhost/forbidden", email);
        }
    }

    private static List<string> Objects(BrowserClient.Page page) =>
        [.. page.Document.QuerySelectorAll("#entries tbody tr").Select(r => r.QuerySelectorAll("td")[3].ChildNodes[0].TextContent.Trim())];

    private Task AddAsync(string partnership, string email, DateTime atUtc, string action, string objectId, string? detail) => App.ExecuteAsync("""
        INSERT INTO access_log (entry_id, partnership_id, at_utc, user_id, user_email, action, object_type, object_id, detail, address)
        VALUES (@Id, @Partnership, @AtUtc, 'u', @Email, @Action, 'test-case', @ObjectId, @Detail, '10.0.0.1')
        """, new { Id = Guid.NewGuid().ToString("N"), Partnership = partnership, AtUtc = atUtc, Email = email, Action = action, ObjectId = objectId, Detail = detail });
}
