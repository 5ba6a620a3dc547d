using System.Security.Claims;
using System.Text.Encodings.Web;
using DeepDive.Engine.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DeepDive.Web.Security;

/// <summary>
/// <c>Authorization: Bearer ddt_...</c>: a personal access token acts as its user, with the same claims as a signed-in
/// session (<see cref="CurrentUser.ClaimsOf"/>), so the same policies and <see cref="Scope"/> apply. An unknown or
/// revoked token, or one whose account is disabled, is refused (401).
/// </summary>
public sealed class TokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiTokenStore tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "token";
    private const string Bearer = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header is not a bearer token.");
        }

        var user = await tokens.UserOfAsync(header[Bearer.Length..].Trim(), Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail("The token is unknown or revoked, or its account is disabled.");
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(CurrentUser.ClaimsOf(user), SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = Request.Headers.Authorization.Count > 0 ? "Bearer error=\"invalid_token\"" : "Bearer";
        return Task.CompletedTask;
    }
}
