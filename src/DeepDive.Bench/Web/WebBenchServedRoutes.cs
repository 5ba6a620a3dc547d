using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Bench.Web;

/// <summary>
/// Which of the bench's routes this build of the app serves, read from the app's own endpoints (not guessed from a
/// 404, which a page also answers for a task out of the user's scope). A route that is not served yet is left out of
/// the run and named in the report.
/// </summary>
public static class WebBenchServedRoutes
{
    public static bool Serves(WebApplication app, WebBenchRoute route, string sampleTaskId)
    {
        // As the server sees the path: decoded, but for the escaped slashes of a task id.
        var path = new PathString(Uri.UnescapeDataString(route.Path(sampleTaskId).Replace("%2F", "%252F", StringComparison.Ordinal)));
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Any(endpoint =>
            (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { Count: > 0 } methods || methods.Contains(route.Method))
            && new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary()).TryMatch(path, new RouteValueDictionary()));
    }
}
