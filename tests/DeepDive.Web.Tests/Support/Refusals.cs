using System.Net;

namespace DeepDive.Web.Tests.Support;

/// <summary>How the app refuses: a role the page's policy leaves out goes to "You cannot see this page"; an object out of scope is "Page not found".</summary>
public static class Refusals
{
    public static void ShouldBeForbidden(this BrowserClient.Page page) =>
        (page.Status, page.Location ?? "").Should().Match<(HttpStatusCode Status, string Location)>(
            p => p.Status == HttpStatusCode.Redirect && new Uri(new Uri("http://localhost"), p.Location).AbsolutePath == "/forbidden",
            "a role the policy leaves out is sent to the forbidden page");

    public static void ShouldBeNotFound(this BrowserClient.Page page)
    {
        page.Status.Should().Be(HttpStatusCode.NotFound);
        page.Document.QuerySelector("h1")?.TextContent.Should().Be("Page not found");
    }
}
