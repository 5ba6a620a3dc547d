namespace DeepDive.Web.Tests.Security.Matrix;

/// <summary>One request to try as every <see cref="Who"/>: its URL, what to send, and what each should get.</summary>
public sealed record RouteCase(string Name, Func<MatrixData, string> Url, Expect Expect);

/// <summary>
/// One route of the app and method (a page handler or an API endpoint), keyed as <c>"GET /sign-in"</c>,
/// <c>"POST /tasks/{taskId}?handler=submit"</c>, <c>"GET /api/v1/me"</c>, with the cases it is tried with.
/// </summary>
public sealed class RouteRow
{
    private readonly List<RouteCase> cases = [];

    private RouteRow(string method, string route, string? handler)
    {
        Method = method;
        Route = route;
        Handler = handler?.ToLowerInvariant();
    }

    public string Method { get; }

    /// <summary>The route pattern as the app declares it, with a leading slash: <c>/tasks/{taskId}</c>.</summary>
    public string Route { get; }

    /// <summary>A named page handler (<c>OnPostSubmit</c> is "submit"), or null.</summary>
    public string? Handler { get; }

    public string Key => Keys.Of(Method, Route, Handler);

    public IReadOnlyList<RouteCase> Cases => cases;

    /// <summary>Form fields (pages; the anti-forgery token is added) for a POST.</summary>
    public Func<MatrixData, IReadOnlyDictionary<string, string>>? FormFields { get; private set; }

    /// <summary>The JSON body of an API call (an empty object if not given).</summary>
    public Func<MatrixData, object>? JsonBody { get; private set; }

    /// <summary>The request ends the session it is sent with (signing out): each is sent from a session of its own.</summary>
    public bool EndsSession { get; private set; }

    public bool IsApi => Route.StartsWith(DeepDive.Web.Api.ApiEndpoints.Prefix + "/", StringComparison.Ordinal);

    public static RouteRow Get(string route, string? handler = null) => new("GET", route, handler);

    public static RouteRow Post(string route, string? handler = null) => new("POST", route, handler);

    public static RouteRow Put(string route) => new("PUT", route, null);

    public static RouteRow Patch(string route) => new("PATCH", route, null);

    public static RouteRow Delete(string route) => new("DELETE", route, null);

    /// <summary>A case at the route's own address (for a route without parameters).</summary>
    public RouteRow Expect(Expect expect) => Case("at its own address", _ => Route, expect);

    /// <summary>A case at <paramref name="url"/>: e.g. <c>d =&gt; $"/tasks/{d.AssignedTaskId}"</c>.</summary>
    public RouteRow Case(string name, Func<MatrixData, string> url, Expect expect)
    {
        cases.Add(new RouteCase(name, url, expect));
        return this;
    }

    public RouteRow Form(Func<MatrixData, IReadOnlyDictionary<string, string>> fields)
    {
        FormFields = fields;
        return this;
    }

    public RouteRow Json(Func<MatrixData, object> body)
    {
        JsonBody = body;
        return this;
    }

    public RouteRow EndingSession()
    {
        EndsSession = true;
        return this;
    }
}
