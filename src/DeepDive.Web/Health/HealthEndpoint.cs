using DeepDive.Engine.Hosting;
using DeepDive.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Health;

/// <summary>
/// <c>/health</c>, without sign-in: the database, the scheduler and the workflow host, each "up", "down" or (in a
/// web-only node) "not run here"; 503 when one that should run is down.
/// </summary>
public static class HealthEndpoint
{
    public sealed record Report(string Status, string Database, string Scheduler, string Workflows);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (IServiceProvider services, Database database, CancellationToken cancellationToken) =>
        {
            var report = await CheckAsync(services, database, cancellationToken);
            return Results.Json(report, statusCode: report.Status == "up" ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithName("Health").ExcludeFromDescription();
        return app;
    }

    public static async Task<Report> CheckAsync(IServiceProvider services, Database database, CancellationToken cancellationToken)
    {
        string db;
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            db = "up";
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            db = "down";
        }

        var engine = services.GetService<EngineHost>();
        string scheduler;
        string workflows;
        if (engine is null)
        {
            scheduler = workflows = "not run here";
        }
        else
        {
            scheduler = await engine.SchedulerRunningAsync(cancellationToken) ? "up" : "down";
            workflows = engine.Running ? "up" : "down";
        }

        var down = db == "down" || scheduler == "down" || workflows == "down";
        return new Report(down ? "down" : "up", db, scheduler, workflows);
    }
}
