using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.TestHost;

namespace DeepDive.Web.Tests.Support;

/// <summary>
/// An HTTP client that behaves as a browser for server-rendered pages: it keeps cookies, reads pages as documents,
/// and posts forms with the anti-forgery token the page gave. Redirects are returned, not followed.
/// </summary>
public sealed class BrowserClient : IDisposable
{
    private static readonly HtmlParser Parser = new();
    private readonly CookieContainer cookies = new();
    private readonly HttpClient http;

    public BrowserClient(TestServer server, string baseAddress = "http://localhost")
    {
        http = new HttpClient(new CookieHandler(cookies) { InnerHandler = server.CreateHandler() })
        {
            BaseAddress = new Uri(baseAddress),
        };
    }

    public HttpClient Http => http;

    /// <summary>The cookies this client holds, as a browser's cookie jar: to copy a session to another client or node.</summary>
    public CookieContainer Cookies => cookies;

    public sealed record Page(HttpStatusCode Status, IDocument Document, HttpResponseMessage Response)
    {
        public string? Location => Response.Headers.Location?.OriginalString;

        /// <summary>The texts of the error summary's links, in order.</summary>
        public IReadOnlyList<string> Errors => [.. Document.QuerySelectorAll(".govuk-error-summary__list a").Select(a => a.TextContent.Trim())];

        public string Text => Document.Body?.TextContent ?? "";
    }

    public async Task<Page> GetAsync(string url)
    {
        var response = await http.GetAsync(url);
        return await ReadAsync(response);
    }

    /// <summary>
    /// Fetches <paramref name="url"/>, then posts its form (the one whose action matches <paramref name="formAction"/>,
    /// or the first form in the main content) with the page's anti-forgery token and the given fields.
    /// </summary>
    public async Task<Page> SubmitAsync(string url, IReadOnlyDictionary<string, string> fields, string? formAction = null, string? handler = null)
    {
        var page = await GetAsync(url);
        var form = page.Document.QuerySelectorAll("main form").FirstOrDefault(f => formAction is null || f.GetAttribute("action") == formAction)
            ?? throw new InvalidOperationException($"No form{(formAction is null ? "" : $" posting to {formAction}")} on {url}:\n{page.Text}");
        var values = form.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") is not null)
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : url;
        if (handler is not null)
        {
            action += (action.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        }

        return await PostAsync(action, values);
    }

    /// <summary>Posts fields exactly as given (no token added unless among them): for anti-forgery rejection tests.</summary>
    public async Task<Page> PostAsync(string url, IReadOnlyDictionary<string, string> fields)
    {
        var response = await http.PostAsync(url, new FormUrlEncodedContent(fields));
        return await ReadAsync(response);
    }

    public Task<Page> SignInAsync(string email, string password) =>
        SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    private static async Task<Page> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return new Page(response.StatusCode, await Parser.ParseDocumentAsync(body), response);
    }

    public void Dispose() => http.Dispose();

    /// <summary>Keeps the cookies the app sets, as a browser does, since the test server's handler does not.</summary>
    private sealed class CookieHandler(CookieContainer cookies) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var cookie in setCookies)
                {
                    cookies.SetCookies(request.RequestUri!, cookie);
                }
            }

            return response;
        }
    }
}
