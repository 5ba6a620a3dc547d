using System.Net;
using System.Net.Http.Json;
using DeepDive.Web.Tests.Support;

namespace DeepDive.Web.Tests.Security.Matrix;

/// <summary>
/// Sends each row's requests as each <see cref="Who"/>: pages from a signed-in browser session (posting with the
/// session's anti-forgery token), API routes with the user's personal access token and again from the session
/// (which may only read); anonymous with neither.
/// </summary>
public sealed class MatrixRunner : IDisposable
{
    private static readonly Uri Local = new("http://localhost");
    private readonly TestApp app;
    private readonly Dictionary<Who, BrowserClient> sessions = [];
    private readonly Dictionary<Who, string> antiforgery = [];
    private readonly Dictionary<Who, HttpClient> api = [];

    private MatrixRunner(TestApp app, MatrixData data)
    {
        this.app = app;
        Data = data;
    }

    public MatrixData Data { get; }

    public static async Task<MatrixRunner> StartAsync(TestApp app)
    {
        var runner = new MatrixRunner(app, await MatrixData.LoadAsync(app));
        foreach (var who in Enum.GetValues<Who>())
        {
            var session = await runner.SessionAsync(who);
            runner.sessions[who] = session.Client;
            runner.antiforgery[who] = session.Token;
            runner.api[who] = app.Api(who == Who.Anonymous ? null : await app.TokenAsync(runner.Data.EmailOf(who)));
        }

        return runner;
    }

    /// <summary>
    /// Null when the response is what <paramref name="expected"/> says; else what came back instead. An API route is
    /// also called from the browser session, which must get the same for a GET and must be refused (401) anything else.
    /// </summary>
    public async Task<string?> CheckAsync(RouteRow row, RouteCase routeCase, Who who, Outcome expected)
    {
        var url = routeCase.Url(Data);
        if (row.Handler is not null)
        {
            url += (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + row.Handler;
        }

        if (!row.IsApi)
        {
            using var page = await OpenPageAsync(row, url, who);
            return Matches(expected, page, isApi: false) ? null : await DescribeAsync(page);
        }

        using var byToken = await CallApiAsync(row, url, api[who]);
        if (!Matches(expected, byToken, isApi: true))
        {
            return "with a token " + await DescribeAsync(byToken);
        }

        var fromSession = row.Method == "GET" ? expected : Outcome.SignIn;
        using var bySession = await CallApiAsync(row, url, sessions[who].Http);
        return Matches(fromSession, bySession, isApi: true) ? null : $"from a session (expected {fromSession}) " + await DescribeAsync(bySession);
    }

    private async Task<HttpResponseMessage> CallApiAsync(RouteRow row, string url, HttpClient client)
    {
        using var request = new HttpRequestMessage(new HttpMethod(row.Method), url);
        if (row.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = JsonContent.Create(row.JsonBody?.Invoke(Data) ?? new { });
        }

        return await client.SendAsync(request);
    }

    private async Task<HttpResponseMessage> OpenPageAsync(RouteRow row, string url, Who who)
    {
        var (client, token) = row.EndsSession ? await SessionAsync(who) : (sessions[who], antiforgery[who]);
        try
        {
            if (row.Method == "GET")
            {
                return (await client.GetAsync(url)).Response;
            }

            var fields = new Dictionary<string, string>(row.FormFields?.Invoke(Data) ?? new Dictionary<string, string>())
            {
                ["__RequestVerificationToken"] = token,
            };
            return (await client.PostAsync(url, fields)).Response;
        }
        finally
        {
            if (row.EndsSession)
            {
                client.Dispose();
            }
        }
    }

    private static bool Matches(Outcome expected, HttpResponseMessage response, bool isApi)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location is { } l ? new Uri(Local, l) : null;
        var toSignIn = status == 302 && location?.AbsolutePath == "/sign-in" && location.Query.Contains("ReturnUrl=", StringComparison.Ordinal);
        var toForbidden = status == 302 && location?.AbsolutePath == "/forbidden";
        if (expected == Outcome.SignIn)
        {
            return isApi ? status == 401 : toSignIn;
        }

        if (expected == Outcome.Forbidden)
        {
            return status == 403 || (!isApi && toForbidden);
        }

        if (expected == Outcome.NotFound)
        {
            return status == 404;
        }

        if (expected.Status is { } exactly)
        {
            return status == exactly;
        }

        return isApi
            ? status is >= 200 and < 300 or 400 or 409 or 422
            : status is >= 200 and < 400 && !toSignIn && !toForbidden;
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        var described = $"{(int)response.StatusCode}";
        if (response.Headers.Location is { } location)
        {
            return $"{described} to {location}";
        }

        var body = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.OK ? described : $"{described} {body[..Math.Min(body.Length, 200)].ReplaceLineEndings(" ")}";
    }

    private async Task<(BrowserClient Client, string Token)> SessionAsync(Who who)
    {
        var client = who == Who.Anonymous ? app.Client() : await app.SignedInAsync(Data.EmailOf(who));
        var page = await client.GetAsync("/sign-out");
        var token = page.Document.QuerySelector("main form input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"No anti-forgery token on /sign-out for {who}");
        return (client, token);
    }

    public void Dispose()
    {
        foreach (var client in sessions.Values)
        {
            client.Dispose();
        }

        foreach (var client in api.Values)
        {
            client.Dispose();
        }
    }
}
