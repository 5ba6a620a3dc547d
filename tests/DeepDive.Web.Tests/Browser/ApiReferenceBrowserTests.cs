using DeepDive.Web.Tests.Support;
using Microsoft.Playwright;

namespace DeepDive.Web.Tests.Browser;

public sealed class ApiReferenceBrowserTests(LiveApp live) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task The_reference_page_renders_the_API_from_the_app_alone_within_its_Content_Security_Policy()
    {
        var page = await live.NewPageAsync();
        var requests = new List<string>();
        var refused = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                refused.Add(message.Text);
            }
        };

        await page.GotoAsync("/api/reference");
        await page.GetByText("Who the token acts as").First.WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await LiveApp.ScreenshotAsync(page, "api-reference");

        requests.Should().NotBeEmpty().And.OnlyContain(url => url.StartsWith(live.BaseUrl, StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal),
            "the page, its script and the document all come from the app: no CDN, fonts or telemetry");
        requests.Should().Contain(url => url.EndsWith("/openapi/v1.json", StringComparison.Ordinal));
        refused.Should().BeEmpty("nothing is refused by the Content-Security-Policy or fails to load");
    }
}
