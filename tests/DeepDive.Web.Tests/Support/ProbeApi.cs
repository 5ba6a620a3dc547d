using DeepDive.Web.Api;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Support;

/// <summary>
/// API endpoints that exist only in tests, mapped under /api/v1/probe like any area's: a JSON body with typed fields,
/// a manager-only route, an empty conflict, a failure with a secret in its message, an object out of scope.
/// </summary>
public sealed class ProbeApi : IApiEndpoints
{
    public sealed record Entry(int Count, DateOnly Due, string Name, Detail? Detail);

    public sealed record Detail(bool Urgent);

    public const string Secret = "connection string with password=hunter2";

    public void Map(RouteGroupBuilder api)
    {
        var probe = api.MapGroup("/probe");
        probe.MapPost("/entries", (Entry entry) => TypedResults.Ok(entry));
        probe.MapPut("/entries/{id:int}", (int id, Entry entry) => TypedResults.Ok(entry with { Count = id }));
        probe.MapGet("/search", (int page) => TypedResults.Ok(page));
        probe.MapGet("/managers", () => TypedResults.Ok("managers only")).RequireAuthorization(Policies.Manage);
        probe.MapPost("/conflict", () => TypedResults.Conflict());
        probe.MapGet("/failure", string () => throw new InvalidOperationException(Secret));
        probe.MapGet("/out-of-scope", string () => throw new NotFoundException("probe"));
    }

    public static void AddTo(WebApplicationBuilder builder) => builder.Services.AddSingleton<IApiEndpoints, ProbeApi>();
}
