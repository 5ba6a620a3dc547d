using DeepDive.Web.Security;

namespace DeepDive.Web.Api;

/// <summary>
/// Maps <c>/api/v1</c>: every <see cref="IApiEndpoints"/> of the app (and any registered as a service, which is how
/// tests add probes), behind sign-in, with out-of-scope objects as 404 problem details. Callers authenticate with a
/// personal access token; a browser session may only read (see <see cref="Authentication"/>), so the API takes no
/// anti-forgery token. Every endpoint is described with the problem responses every call can get.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";

    public static RouteGroupBuilder MapApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).RequireAuthorization().DisableAntiforgery().AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (NotFoundException)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                    detail: "There is nothing at this address that you can see.");
            }
        });
        api.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        foreach (var type in typeof(ApiEndpoints).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IApiEndpoints).IsAssignableFrom(t))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            ((IApiEndpoints)Activator.CreateInstance(type)!).Map(api);
        }

        foreach (var endpoints in app.ServiceProvider.GetServices<IApiEndpoints>())
        {
            endpoints.Map(api);
        }

        return api;
    }
}
