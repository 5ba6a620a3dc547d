using System.Net;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Account;

public sealed class SignInTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Each_role_lands_on_its_own_start_page_and_can_sign_out()
    {
        var people = App.People;
        foreach (var (email, home) in new[] { (people.Manager, "/dashboard"), (people.Auditor, "/tasks"), (people.School, "/feedback"), (people.Viewer, "/dashboard") })
        {
            using var client = App.Client();
            var signedIn = await client.SignInAsync(email, DemoPartnership.Password);
            signedIn.Status.Should().Be(HttpStatusCode.Redirect, signedIn.Text);
            signedIn.Location.Should().Be(home);

            var signOut = await client.SubmitAsync("/sign-out", new Dictionary<string, string>());
            signOut.Location.Should().Be("/sign-in?signed-out=true");
            (await client.GetAsync("/")).Location.Should().Contain("/sign-in");
        }
    }

    [Fact]
    public async Task A_wrong_password_or_an_empty_field_is_shown_in_the_error_summary_against_its_field()
    {
        using var client = App.Client();

        var empty = await client.SignInAsync("", "");
        empty.Status.Should().Be(HttpStatusCode.OK);
        empty.Errors.Should().Equal("Enter your email address", "Enter your password");
        empty.Document.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href").Should().Be("#Input_Email");
        empty.Document.Title.Should().StartWith("Error: ");

        var wrong = await client.SignInAsync(App.People.Moderator, "not the password at all");
        wrong.Errors.Should().Equal("Enter a correct email address and password");
        var unknown = await client.SignInAsync("nobody@nowhere.test", "not the password at all");
        unknown.Errors.Should().ContainSingle().Which.Should().Be("Enter a correct email address and password", "an unknown email reads the same as a wrong password");
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var client = App.Client();
        for (var i = 0; i < 5; i++)
        {
            await client.SignInAsync(App.People.OtherSchool, "wrong password " + i);
        }

        var right = await client.SignInAsync(App.People.OtherSchool, DemoPartnership.Password);
        right.Status.Should().Be(HttpStatusCode.OK);
        right.Errors.Should().ContainSingle().Which.Should().StartWith("This account is locked after too many wrong passwords");
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused()
    {
        using var client = App.Client();

        var posted = await client.PostAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = App.People.Manager, ["Input.Password"] = DemoPartnership.Password });

        posted.Status.Should().Be(HttpStatusCode.BadRequest);
        posted.Response.Headers.Contains("Set-Cookie").Should().BeFalse("no session is started");
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_the_session_cookie_is_http_only_and_lax()
    {
        using var client = App.Client();
        var page = await client.GetAsync("/sign-in");

        page.Response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'")
            .And.NotContain("unsafe-inline");
        page.Response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        page.Response.Headers.GetValues("Referrer-Policy").Should().Equal("strict-origin-when-cross-origin");

        var signedIn = await client.SignInAsync(App.People.Manager, DemoPartnership.Password);
        var cookie = signedIn.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("deepdive-session=", StringComparison.Ordinal));
        cookie.Should().Contain("httponly").And.Contain("samesite=lax");
    }

    [Fact]
    public async Task An_unknown_address_is_page_not_found_and_health_needs_no_sign_in()
    {
        using var client = await App.SignedInAsync(App.People.Manager);
        var missing = await client.GetAsync("/no-such-page");
        missing.Status.Should().Be(HttpStatusCode.NotFound);
        missing.Document.QuerySelector("h1")!.TextContent.Should().Be("Page not found");

        using var anonymous = App.Client();
        var health = await anonymous.Http.GetAsync("/health");
        health.StatusCode.Should().Be(HttpStatusCode.OK);
        (await health.Content.ReadAsStringAsync()).Should().Contain("\"database\":\"up\"").And.Contain("\"scheduler\":\"not run here\"");
    }
}
