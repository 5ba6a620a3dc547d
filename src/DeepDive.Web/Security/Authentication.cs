using DeepDive.Engine.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace DeepDive.Web.Security;

/// <summary>
/// How a request says who it is. People sign in with a password and get a session cookie; programs send a personal
/// access token (<c>Authorization: Bearer ddt_...</c>, made by <c>deepdive user token</c>). The default scheme picks
/// one per request:
/// <list type="bullet">
/// <item>outside <c>/api</c>, always the cookie (a token does not open pages);</item>
/// <item>in <c>/api</c>, the token whenever an Authorization header is sent;</item>
/// <item>in <c>/api</c> without one, the cookie for GET and HEAD only. A change (POST, PUT, PATCH, DELETE) needs a
/// token: a browser never sends one by itself, so the API needs no anti-forgery token and a page's session can
/// never be used to change anything through the API from another site.</item>
/// </list>
/// Sessions live in the database (<see cref="DatabaseTicketStore"/>) and so do the keys that protect the cookies
/// (<see cref="DatabaseXmlRepository"/>): any web node on the database reads any other's cookies, and signing out
/// ends the session everywhere.
/// </summary>
public static class Authentication
{
    public const string Scheme = "deepdive";
    public const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    public const string TokenScheme = TokenAuthenticationHandler.SchemeName;

    /// <summary>Signed-in sessions lapse after this long without a request (sliding).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    public static IServiceCollection AddDeepDiveAuthentication(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("DeepDive");
        services.AddOptions<KeyManagementOptions>()
            .Configure<DataProtectionKeyStore>((options, keys) => options.XmlRepository = new DatabaseXmlRepository(keys));
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<DatabaseTicketStore>((options, sessions) => options.SessionStore = sessions);

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Session cookie or personal access token", o => o.ForwardDefaultSelector = Select)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenScheme, "Personal access token", null)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "deepdive-session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = IdleTimeout;
                o.SlidingExpiration = true;
                o.LoginPath = "/sign-in";
                o.LogoutPath = "/sign-out";
                o.AccessDeniedPath = "/forbidden";
                o.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
            });
        return services;
    }

    private static string Select(HttpContext context)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments(Api.ApiProblems.Root))
        {
            return CookieScheme;
        }

        if (request.Headers.Authorization.Count > 0)
        {
            return TokenScheme;
        }

        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) ? CookieScheme : TokenScheme;
    }

    /// <summary>An API call gets a status code (and, from <see cref="Api.ApiProblems"/>, problem details), not a redirect to a page.</summary>
    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments(Api.ApiProblems.Root))
        {
            context.Response.StatusCode = status;
            if (status == StatusCodes.Status401Unauthorized)
            {
                // What the API asks for is a token, whichever scheme looked at the request.
                context.Response.Headers.WWWAuthenticate = "Bearer";
            }

            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
