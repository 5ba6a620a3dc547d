using System.Net;
using DeepDive.Engine.Users;
using DeepDive.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Web.Tests.Security;

public sealed class SessionCookieTests
{
    private static readonly Uri Local = new("http://localhost");

    [Fact]
    public async Task Over_HTTPS_the_cookies_are_secure_and_HSTS_is_sent_and_over_HTTP_neither()
    {
        await using var app = await TestApp.StartAsync();

        using var https = app.Client("https://localhost");
        var page = await https.GetAsync("/sign-in");
        page.Response.Headers.GetValues("Strict-Transport-Security").Should().Equal("max-age=31536000; includeSubDomains");
        page.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("deepdive-antiforgery=", StringComparison.Ordinal)).Should().Contain("secure");
        var signedIn = await https.SignInAsync(app.People.Manager, DemoPartnership.Password);
        var session = signedIn.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("deepdive-session=", StringComparison.Ordinal));
        session.Should().Contain("secure").And.Contain("httponly").And.Contain("samesite=lax");
        (await https.GetAsync("/")).Location.Should().Be("/dashboard", "the secure cookie is sent back over HTTPS");

        using var http = app.Client();
        var plain = await http.SignInAsync(app.People.Manager, DemoPartnership.Password);
        plain.Response.Headers.Contains("Strict-Transport-Security").Should().BeFalse("HSTS is only sent over HTTPS");
        plain.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("deepdive-session=", StringComparison.Ordinal)).Should().NotContain("secure");
    }

    [Fact]
    public async Task A_session_lapses_after_30_minutes_without_a_request_and_each_request_keeps_it_going()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await TestApp.StartAsync(configure: builder => builder.Services.AddSingleton<TimeProvider>(clock));
        using var client = await app.SignedInAsync(app.People.Manager);
        (await client.GetAsync("/")).Location.Should().Be("/dashboard");

        clock.Advance(TimeSpan.FromMinutes(20));
        (await client.GetAsync("/")).Location.Should().Be("/dashboard", "20 minutes idle is within 30");
        clock.Advance(TimeSpan.FromMinutes(20));
        (await client.GetAsync("/")).Location.Should().Be("/dashboard", "40 minutes after signing in, but only 20 since the last request");
        clock.Advance(TimeSpan.FromMinutes(29));
        (await client.GetAsync("/")).Location.Should().Be("/dashboard", "29 minutes since the last request");

        clock.Advance(TimeSpan.FromMinutes(31));
        var lapsed = await client.GetAsync("/");
        lapsed.Status.Should().Be(HttpStatusCode.Redirect);
        lapsed.Location.Should().Contain("/sign-in", "31 minutes without a request ends the session");
    }

    [Fact]
    public async Task Signing_out_ends_the_session_for_every_copy_of_the_cookie()
    {
        await using var app = await TestApp.StartAsync();
        using var client = await app.SignedInAsync(app.People.Moderator);
        using var copy = app.Client();
        copy.Cookies.Add(client.Cookies.GetCookies(Local));
        (await copy.GetAsync("/")).Location.Should().Be("/dashboard", "a copied cookie works while the session lasts");

        var signedOut = await client.SubmitAsync("/sign-out", new Dictionary<string, string>());
        signedOut.Location.Should().Be("/sign-in?signed-out=true");

        var replayed = await copy.GetAsync("/");
        replayed.Status.Should().Be(HttpStatusCode.Redirect);
        replayed.Location.Should().Contain("/sign-in", "the session ended on the server, not only in the browser that signed out");
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_sessions_at_once()
    {
        await using var app = await TestApp.StartAsync();
        using var client = await app.SignedInAsync(app.People.Viewer);
        (await client.GetAsync("/")).Location.Should().Be("/dashboard");

        await app.Services.GetRequiredService<UserStore>().DisableAsync(DemoPartnership.Id, app.People.Viewer, CancellationToken.None);

        (await client.GetAsync("/")).Location.Should().Contain("/sign-in");
    }
}
