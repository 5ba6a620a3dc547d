using System.Net.Http.Headers;
using System.Text.Json;
using DeepDive.Engine.Users;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Support;

/// <summary>Calling the JSON API as a program does: with a personal access token, or with none.</summary>
public static class ApiClients
{
    /// <summary>A new personal access token for <paramref name="email"/>, made as <c>deepdive user token</c> makes it.</summary>
    public static async Task<string> TokenAsync(this TestApp app, string email)
    {
        var user = await app.Services.GetRequiredService<UserStore>().FindAsync(email, CancellationToken.None)
            ?? throw new InvalidOperationException($"No account for {email}");
        return await app.Services.GetRequiredService<ApiTokenStore>().CreateAsync(user.PartnershipId, email, "tests", CancellationToken.None);
    }

    /// <summary>A client that sends <paramref name="token"/> as its bearer token (none if null), and keeps no cookies.</summary>
    public static HttpClient Api(this TestApp app, string? token = null)
    {
        var client = app.App.GetTestServer().CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A client calling the API as <paramref name="email"/>, with a new token of theirs.</summary>
    public static async Task<HttpClient> ApiAsAsync(this TestApp app, string email) => app.Api(await app.TokenAsync(email));

    /// <summary>An RFC 9457 problem: its status, title, detail and (for a 400) the errors by field.</summary>
    public sealed record Problem(int Status, string Title, string? Detail, IReadOnlyDictionary<string, string[]> Errors, string Body);

    /// <summary>Reads the response as problem details, failing unless it is one (media type application/problem+json, with its status).</summary>
    public static async Task<Problem> ProblemAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.Content.Headers.ContentType?.MediaType.Should().Be("application/problem+json", body);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        root.GetProperty("status").GetInt32().Should().Be((int)response.StatusCode, body);
        var errors = root.TryGetProperty("errors", out var e)
            ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString() ?? "").ToArray())
            : [];
        return new Problem(root.GetProperty("status").GetInt32(), root.GetProperty("title").GetString() ?? "",
            root.TryGetProperty("detail", out var d) ? d.GetString() : null, errors, body);
    }
}
