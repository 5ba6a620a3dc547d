using DeepDive.Engine.Reports;
using DeepDive.Web.Pages.Reports;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DeepDive.Web.Api.Reports;

/// <summary>
/// The committee report for programs: the same JSON as <c>deepdive report committee --format json</c>, for managers,
/// moderators and viewers (who always get the published version). A version with case references is written to the
/// access log.
/// </summary>
public sealed class CommitteeReportApi : IApiEndpoints
{
    public void Map(RouteGroupBuilder api) =>
        api.MapGroup("/reports").WithTags("Reports")
            .MapGet("/committee", GetAsync).RequireAuthorization(Policies.Read).WithName("GetCommitteeReport")
            .WithSummary("The committee report for a period (from and to as yyyy-MM-dd, both included); published=true for the public version")
            .Produces<CommitteeReport>(StatusCodes.Status200OK, "application/json");

    /// <param name="from">The first day of the period, yyyy-MM-dd.</param>
    /// <param name="to">The last day of the period, yyyy-MM-dd.</param>
    /// <param name="published">The public version: no case reference, counts under 5 about children as "fewer than 5". A viewer always gets it.</param>
    private static async Task<Results<ContentHttpResult, ValidationProblem>> GetAsync(string? from, string? to, bool? published, Scope scope,
        CommitteeReportQuery query, AccessRecorder access, CancellationToken cancellationToken)
    {
        if (CommitteeExport.Period(from, to, out var errors) is not { } period)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var report = await CommitteeExport.LoadAsync(query, scope, access, period, published ?? false, "through the API", cancellationToken);
        return TypedResults.Text(CommitteeReportFormats.Json(report), "application/json; charset=utf-8");
    }
}
