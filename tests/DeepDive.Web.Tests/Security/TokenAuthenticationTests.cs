using System.Net;
using System.Net.Http.Json;
using DeepDive.Engine.Users;
using DeepDive.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Security;

public sealed class TokenAuthenticationTests : IAsyncLifetime
{
    private TestApp app = null!;

    public async Task InitializeAsync() => app = await TestApp.StartAsync(configure: ProbeApi.AddTo);

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task A_token_acts_as_its_user_with_the_same_role_partnership_and_links_as_a_sign_in()
    {
        var people = app.People;
        using var auditor = app.Api(await app.TokenAsync(people.Auditor));
        var me = await auditor.GetFromJsonAsync<Dictionary<string, string?>>("/api/v1/me");
        me.Should().Contain("email", people.Auditor).And.Contain("role", "auditor").And.Contain("partnership", "demo").And.Contain("auditorId", people.AuditorId);

        using var school = app.Api(await app.TokenAsync(people.School));
        (await school.GetFromJsonAsync<Dictionary<string, string?>>("/api/v1/me")).Should().Contain("role", "school").And.Contain("school", people.SchoolName);

        using var other = app.Api(await app.TokenAsync(people.OtherPartnershipManager));
        (await other.GetFromJsonAsync<Dictionary<string, string?>>("/api/v1/me")).Should().Contain("partnership", "other");
    }

    [Fact]
    public async Task A_call_without_credentials_is_401_problem_details_asking_for_a_bearer_token_not_a_redirect()
    {
        using var anonymous = app.Api();

        foreach (var response in new[]
                 {
                     await anonymous.GetAsync("/api/v1/me"),
                     await anonymous.PostAsJsonAsync("/api/v1/probe/entries", new { count = 1, due = "2027-07-07", name = "x" }),
                 })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            response.Headers.WwwAuthenticate.Should().ContainSingle().Which.Scheme.Should().Be("Bearer");
            (await response.ProblemAsync()).Detail.Should().Contain("Authorization: Bearer ddt_");
        }
    }

    [Fact]
    public async Task An_unknown_or_revoked_token_or_a_disabled_account_is_refused()
    {
        var people = app.People;
        using (var unknown = app.Api("ddt_" + new string('x', 43)))
        {
            var response = await unknown.GetAsync("/api/v1/me");
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            response.Headers.WwwAuthenticate.ToString().Should().Contain("invalid_token");
            await response.ProblemAsync();
        }

        var token = await app.TokenAsync(people.Moderator);
        using var moderator = app.Api(token);
        (await moderator.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        var users = app.Services.GetRequiredService<UserStore>();
        var user = await users.FindAsync(people.Moderator, CancellationToken.None);
        await app.Services.GetRequiredService<ApiTokenStore>().RevokeAllAsync(user!.UserId, CancellationToken.None);
        (await moderator.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the token was revoked");

        using var viewer = app.Api(await app.TokenAsync(people.Viewer));
        (await viewer.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        await users.DisableAsync("demo", people.Viewer, CancellationToken.None);
        (await viewer.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the account was disabled");
    }

    [Fact]
    public async Task The_wrong_role_is_403_problem_details_with_a_token_and_with_a_session()
    {
        using var auditor = app.Api(await app.TokenAsync(app.People.Auditor));
        var byToken = await auditor.GetAsync("/api/v1/probe/managers");
        byToken.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await byToken.ProblemAsync()).Title.Should().Be("Forbidden");

        using var session = await app.SignedInAsync(app.People.Auditor);
        var bySession = await session.Http.GetAsync("/api/v1/probe/managers");
        bySession.StatusCode.Should().Be(HttpStatusCode.Forbidden, "an API call gets a status, not the forbidden page");
        await bySession.ProblemAsync();

        using var manager = app.Api(await app.TokenAsync(app.People.Manager));
        (await manager.GetStringAsync("/api/v1/probe/managers")).Should().Contain("managers only");
    }

    [Fact]
    public async Task A_session_may_read_the_api_but_changes_need_a_token_which_needs_no_anti_forgery_token()
    {
        using var session = await app.SignedInAsync(app.People.Manager);
        (await session.Http.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        var entry = new { count = 2, due = "2027-07-07", name = "probe" };
        var posted = await session.Http.PostAsJsonAsync("/api/v1/probe/entries", entry);
        posted.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a browser session cannot change anything through the API");
        await posted.ProblemAsync();

        using var token = app.Api(await app.TokenAsync(app.People.Manager));
        (await token.PostAsJsonAsync("/api/v1/probe/entries", entry)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_token_does_not_open_pages()
    {
        using var token = app.Api(await app.TokenAsync(app.People.Manager));
        var page = await token.GetAsync("/sign-out");
        page.StatusCode.Should().Be(HttpStatusCode.OK, "a public page still shows");
        (await page.Content.ReadAsStringAsync()).Should().NotContain("Morgan Manager", "the token is not read outside the API");

        var home = await token.GetAsync("/");
        home.StatusCode.Should().Be(HttpStatusCode.Redirect);
        home.Headers.Location!.OriginalString.Should().Contain("/sign-in");
    }
}
