using DeepDive.Web.Tests.Security.Matrix;

namespace DeepDive.Web.Tests.Security.Rows;

/// <summary>
/// The committee report (page, downloads, API): managers, moderators and viewers (who always get the published version);
/// another partnership's manager gets their own partnership's report; auditors and schools are forbidden.
/// </summary>
public sealed class CommitteeRows : IRouteRows
{
    private const string Period = "from=2027-04-01&to=2027-06-30";

    private static Expect Readers() => Expect.Only(Who.Manager, Who.Moderator, Who.Viewer, Who.OtherPartnershipManager);

    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/reports/committee/{handler:regex(^export$)?}")
            .Case("the form", _ => "/reports/committee", Readers())
            .Case("a period's report", _ => "/reports/committee?From.Day=1&From.Month=4&From.Year=2027&To.Day=30&To.Month=6&To.Year=2027", Readers()),
        RouteRow.Get("/reports/committee/{handler:regex(^export$)?}", handler: "export")
            .Case("as CSV", _ => $"/reports/committee/export?{Period}&format=csv&published=false", Readers())
            .Case("as one HTML file", _ => $"/reports/committee/export?{Period}&format=html&published=true", Readers()),
        RouteRow.Get("/api/v1/reports/committee").Case("a period's report", _ => $"/api/v1/reports/committee?{Period}", Readers()),
    ];
}
