using DeepDive.Web.Tests.Security.Matrix;

namespace DeepDive.Web.Tests.Security.Rows;

/// <summary>The access log and its CSV export: managers only, each partnership its own entries.</summary>
public sealed class AccessLogRows : IRouteRows
{
    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/access-log/{handler:regex(^export$)?}").Case("the log", _ => "/access-log", Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
        RouteRow.Get("/access-log/{handler:regex(^export$)?}", handler: "export")
            .Case("the export", _ => "/access-log/export", Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
    ];
}
