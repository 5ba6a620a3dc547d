namespace DeepDive.Web.Tests.Security.Matrix;

/// <summary>How a route and method are named in the matrix: <c>"POST /tasks/{taskId}?handler=submit"</c>.</summary>
public static class Keys
{
    public static string Of(string method, string route, string? handler) =>
        $"{method.ToUpperInvariant()} {route}{(handler is null ? "" : $"?handler={handler.ToLowerInvariant()}")}";
}
