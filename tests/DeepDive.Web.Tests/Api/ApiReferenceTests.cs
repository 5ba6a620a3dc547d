using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Api;

public sealed class ApiReferenceTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task The_OpenAPI_document_needs_no_sign_in_and_describes_the_API_routes_the_bearer_scheme_and_problem_responses()
    {
        using var anonymous = fixture.App.Api();
        var response = await anonymous.GetAsync("/openapi/v1.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        var paths = root.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.Should().Contain("/api/v1/me").And.OnlyContain(p => p.StartsWith("/api/v1/", StringComparison.Ordinal), "pages, health and the document itself are not the API");
        var bearer = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        bearer.GetProperty("type").GetString().Should().Be("http");
        bearer.GetProperty("scheme").GetString().Should().Be("bearer");
        root.GetProperty("security").EnumerateArray().Select(r => r.EnumerateObject().Single().Name).Should().Equal("bearer");

        var responses = root.GetProperty("paths").GetProperty("/api/v1/me").GetProperty("get").GetProperty("responses");
        responses.TryGetProperty("200", out _).Should().BeTrue();
        foreach (var status in new[] { "400", "401", "403", "404", "500" })
        {
            responses.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _).Should().BeTrue(status);
        }
    }

    [Fact]
    public async Task The_reference_page_needs_no_sign_in_loads_nothing_from_elsewhere_and_its_scripts_carry_the_policys_nonce()
    {
        using var anonymous = fixture.App.Api();
        var bare = await anonymous.GetAsync("/api/reference");
        bare.StatusCode.Should().Be(HttpStatusCode.Redirect);
        bare.Headers.Location!.OriginalString.Should().Be("reference/", "the page's relative links need the trailing slash");
        var response = await anonymous.GetAsync("/api/reference/");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();

        policy.Should().NotContain("'unsafe-inline'; style-src", "scripts are allowed by nonce, not inline wholesale")
            .And.Contain("frame-ancestors 'none'");
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;
        nonce.Should().NotBeEmpty();
        var document = await new HtmlParser().ParseDocumentAsync(html);
        var scripts = document.QuerySelectorAll("script").ToList();
        scripts.Should().NotBeEmpty().And.OnlyContain(s => s.GetAttribute("nonce") == nonce);
        document.QuerySelectorAll("script[src], link[href], img[src]")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href") ?? "")
            .Should().OnlyContain(url => !url.Contains("//", StringComparison.Ordinal), "everything is served from the app itself");

        var again = await anonymous.GetAsync("/api/reference/");
        again.Headers.GetValues("Content-Security-Policy").Single().Should().NotContain(nonce, "a nonce is used once");
    }
}
