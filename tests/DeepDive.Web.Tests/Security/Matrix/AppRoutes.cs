using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Security.Matrix;

/// <summary>Every route of the app and its methods, from the app's own endpoint list, keyed as <see cref="Keys"/> names them.</summary>
public static class AppRoutes
{
    public static IReadOnlyList<string> Of(IServiceProvider services)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page)
            {
                // A page always answers GET (it renders even without an OnGet); other methods only through their handlers.
                keys.Add(Keys.Of("GET", route, null));
                foreach (var handler in page.HandlerMethods)
                {
                    keys.Add(Keys.Of(handler.HttpMethod, route, handler.Name));
                }
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is { HttpMethods.Count: > 0 } methods)
            {
                foreach (var method in methods.HttpMethods)
                {
                    keys.Add(Keys.Of(method, route, null));
                }
            }
            else
            {
                keys.Add(Keys.Of("ANY", route, null));
            }
        }

        return [.. keys];
    }
}
