using System.Net;
using System.Net.Http.Json;
using System.Text;
using DeepDive.Web.Tests.Security.Matrix;
using DeepDive.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Api;

public sealed class ApiProblemsTests(ApiProblemsTests.Fixture fixture) : IClassFixture<ApiProblemsTests.Fixture>
{
    /// <summary>The app with the test-only probe endpoints, and a manager's token (a manager passes every policy).</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public TestApp App { get; private set; } = null!;

        public HttpClient Manager { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            App = await TestApp.StartAsync(configure: ProbeApi.AddTo);
            Manager = App.Api(await App.TokenAsync(App.People.Manager));
        }

        public async Task DisposeAsync()
        {
            Manager.Dispose();
            await App.DisposeAsync();
        }
    }

    private HttpClient Manager => fixture.Manager;

    /// <summary>
    /// Every route that takes a body, as its metadata says (a body parameter, or <c>.Accepts&lt;T&gt;()</c> for a body read
    /// by hand, which the OpenAPI document needs anyway to describe it); a POST that takes nothing ignores what is sent.
    /// </summary>
    [Fact]
    public async Task Garbage_posted_or_put_to_every_API_route_that_takes_a_body_is_400_problem_details_never_500()
    {
        var app = fixture.App;
        var data = await MatrixData.LoadAsync(app);
        var rows = AllRows.Of(data).ToDictionary(r => r.Row.Key, r => r.Row);
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Endpoint: e)))
            .Where(r => r.Method is "POST" or "PUT" or "PATCH" && r.Endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is not null)
            .ToList();
        routes.Select(r => r.Endpoint.RoutePattern.RawText).Should().Contain(["/api/v1/probe/entries", "/api/v1/probe/entries/{id:int}"],
            "the probe routes show the test reaches routes that take a body");

        var callers = new Dictionary<Who, HttpClient>();
        var failures = new List<string>();
        foreach (var (method, endpoint) in routes)
        {
            // Reach the endpoint as its row in the authorisation matrix says someone may (a task of the auditor's own), or
            // for a route without a row (the probes) at a made-up address as a manager, whom every policy lets in.
            var reaching = rows.TryGetValue(Keys.Of(method, endpoint.RoutePattern.RawText!, null), out var row) ? AllRows.Reaching(row, data) : null;
            var (url, who) = reaching ?? (Routes.Url(endpoint.RoutePattern), Who.Manager);
            if (!callers.TryGetValue(who, out var caller))
            {
                callers[who] = caller = await app.ApiAsAsync(data.EmailOf(who));
            }

            foreach (var body in Garbage(endpoint.Metadata.GetMetadata<IAcceptsMetadata>()!))
            {
                var response = await caller.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = body });
                if (response.StatusCode != HttpStatusCode.BadRequest || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{method} {url} as {who} with '{await body.ReadAsStringAsync()}': {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        foreach (var caller in callers.Values)
        {
            caller.Dispose();
        }

        string.Join(Environment.NewLine, failures).Should().BeEmpty();
    }

    private static IEnumerable<HttpContent> Garbage(IAcceptsMetadata accepts)
    {
        var type = accepts.ContentTypes.FirstOrDefault() ?? "application/json";
        if (type.Contains("json", StringComparison.Ordinal))
        {
            yield return new StringContent("{\"not json", Encoding.UTF8, "application/json");
            yield return new StringContent("[1, 2, 3]", Encoding.UTF8, "application/json");
            yield return new StringContent("", Encoding.UTF8, "application/json");
        }
        else
        {
            yield return new StringContent("\u0000\u0001 not a form", Encoding.UTF8, type);
        }
    }

    [Fact]
    public async Task Malformed_JSON_is_400_naming_the_body_with_where_it_broke()
    {
        var response = await Manager.PostAsync("/api/v1/probe/entries", new StringContent("{\"count\": 1,, }", Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.ProblemAsync();
        problem.Errors.Should().ContainKey("body").WhoseValue.Should().ContainSingle().Which.Should().StartWith("The body is not valid JSON (line 1, position");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_400_naming_the_field_as_the_caller_wrote_it()
    {
        var cases = new (string Json, string Field)[]
        {
            ("{\"count\": \"many\", \"due\": \"2027-07-07\", \"name\": \"x\"}", "count"),
            ("{\"count\": 1, \"due\": \"next Tuesday\", \"name\": \"x\"}", "due"),
            ("{\"count\": 1, \"due\": \"2027-07-07\", \"name\": \"x\", \"detail\": {\"urgent\": \"very\"}}", "detail.urgent"),
        };
        foreach (var (json, field) in cases)
        {
            var response = await Manager.PutAsync("/api/v1/probe/entries/7", new StringContent(json, Encoding.UTF8, "application/json"));
            response.StatusCode.Should().Be(HttpStatusCode.BadRequest, json);
            (await response.ProblemAsync()).Errors.Should().ContainSingle().Which.Key.Should().Be(field);
        }

        var good = await Manager.PutAsJsonAsync("/api/v1/probe/entries/7", new { count = 1, due = "2027-07-07", name = "x" });
        good.StatusCode.Should().Be(HttpStatusCode.OK, "the same route takes a good body");
    }

    [Fact]
    public async Task A_missing_body_a_bad_or_missing_query_parameter_and_a_wrong_media_type_are_problems_naming_what_to_fix()
    {
        var noBody = await Manager.PostAsync("/api/v1/probe/entries", new StringContent("", Encoding.UTF8, "application/json"));
        noBody.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await noBody.ProblemAsync()).Errors.Should().ContainKey("body");

        var badQuery = await Manager.GetAsync("/api/v1/probe/search?page=first");
        badQuery.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await badQuery.ProblemAsync()).Errors.Should().ContainKey("page").WhoseValue.Should().Equal("The value of page is not valid");

        var missingQuery = await Manager.GetAsync("/api/v1/probe/search");
        missingQuery.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await missingQuery.ProblemAsync()).Errors.Should().ContainKey("page").WhoseValue.Should().Equal("Enter page");

        var text = await Manager.PostAsync("/api/v1/probe/entries", new StringContent("count=1", Encoding.UTF8, "text/plain"));
        text.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await text.ProblemAsync()).Detail.Should().Contain("application/json");
    }

    [Fact]
    public async Task Not_found_wrong_method_and_conflict_are_problem_details()
    {
        var missing = await Manager.GetAsync("/api/v1/no-such-thing");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await missing.ProblemAsync()).Title.Should().Be("Not found");

        var outOfScope = await Manager.GetAsync("/api/v1/probe/out-of-scope");
        outOfScope.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await outOfScope.ProblemAsync()).Detail.Should().Be("There is nothing at this address that you can see.");

        var wrongMethod = await Manager.DeleteAsync("/api/v1/me");
        wrongMethod.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
        wrongMethod.Content.Headers.Allow.Should().Contain("GET");
        (await wrongMethod.ProblemAsync()).Detail.Should().Contain("DELETE").And.Contain("GET");

        var conflict = await Manager.PostAsync("/api/v1/probe/conflict", null);
        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await conflict.ProblemAsync()).Title.Should().Be("Conflict");
    }

    [Fact]
    public async Task A_failure_is_500_problem_details_with_the_time_to_quote_and_nothing_of_the_exception()
    {
        var response = await Manager.GetAsync("/api/v1/probe/failure");

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var problem = await response.ProblemAsync();
        problem.Detail.Should().Contain("the time it happened").And.Contain("UTC");
        problem.Body.Should().NotContain("hunter2").And.NotContain("InvalidOperationException").And.NotContain("   at ");
    }

    [Fact]
    public async Task An_API_error_is_problem_details_even_when_the_caller_asks_for_html()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing");
        request.Headers.Accept.ParseAdd("text/html");
        var response = await Manager.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        await response.ProblemAsync();
    }
}
