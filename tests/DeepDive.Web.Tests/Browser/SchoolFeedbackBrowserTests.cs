using DeepDive.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace DeepDive.Web.Tests.Browser;

public sealed class SchoolFeedbackBrowserTests(LiveApp live) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task A_school_reads_its_own_feedback_and_gets_page_not_found_for_another_schools()
    {
        var people = live.People;
        var (ownRound, otherRound) = (await RoundOfAsync(people.SchoolName), await RoundOfAsync(people.OtherSchoolName));
        var page = await live.SignedInPageAsync(people.School);
        await page.WaitForURLAsync(url => url.EndsWith("/feedback", StringComparison.Ordinal));

        (await page.Locator("h1").TextContentAsync()).Should().Be("Your school's feedback");
        await LiveApp.ScreenshotAsync(page, "feedback-school-list");
        await page.Locator("#feedback a").First.ClickAsync();
        await page.WaitForURLAsync($"**/feedback/{ownRound}/{people.SchoolName}");
        (await page.Locator("#paper h1").TextContentAsync()).Should().StartWith($"Learning feedback for {people.SchoolName}");
        (await page.Locator("#paper li").First.TextContentAsync()).Should().StartWith("Case 1: ");
        await LiveApp.ScreenshotAsync(page, "feedback-school-paper");

        var refused = await page.GotoAsync($"/feedback/{otherRound}/{people.OtherSchoolName}");
        refused!.Status.Should().Be(404);
        (await page.Locator("h1").TextContentAsync()).Should().Be("Page not found");
        (await page.ContentAsync()).Should().NotContain(people.OtherSchoolName);
        await LiveApp.ScreenshotAsync(page, "feedback-other-school-not-found");

        // The printed page is the feedback alone: no navigation, no back link.
        await page.GotoAsync($"/feedback/{ownRound}/{people.SchoolName}");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        (await page.Locator(".govuk-service-navigation").IsVisibleAsync()).Should().BeFalse();
        (await page.Locator(".govuk-back-link").IsVisibleAsync()).Should().BeFalse();
        (await page.Locator("#paper").IsVisibleAsync()).Should().BeTrue();
    }

    private async Task<string> RoundOfAsync(string school)
    {
        await using var connection = new SqliteConnection($"Data Source={live.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT round_id FROM school_feedback WHERE school = $school ORDER BY created_utc DESC";
        command.Parameters.AddWithValue("$school", school);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
