using DeepDive.Web.Security;

namespace DeepDive.Web.Api;

/// <summary>Maps <c>/api/v1</c>: every <see cref="IApiEndpoints"/> of the app, behind sign-in, with out-of-scope objects as 404 problem details.</summary>
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
        foreach (var type in typeof(ApiEndpoints).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IApiEndpoints).IsAssignableFrom(t))
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            ((IApiEndpoints)Activator.CreateInstance(type)!).Map(api);
        }

        return api;
    }
}
