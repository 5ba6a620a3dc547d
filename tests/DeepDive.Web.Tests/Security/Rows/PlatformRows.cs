using DeepDive.Web.Tests.Security.Matrix;

namespace DeepDive.Web.Tests.Security.Rows;

/// <summary>What needs no sign-in because it holds no data: health, the OpenAPI document and the API reference page.</summary>
public sealed class PlatformRows : IRouteRows
{
    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/health").Expect(Expect.Everyone(Outcome.Allowed)),
        RouteRow.Get("/openapi/{documentName}.json").Case("the v1 document", _ => "/openapi/v1.json", Expect.Everyone(Outcome.Allowed)),
        RouteRow.Get("/api/reference/{documentName?}")
            .Case("the page", _ => "/api/reference/", Expect.Everyone(Outcome.Allowed))
            .Case("the v1 document's page", _ => "/api/reference/v1", Expect.Everyone(Outcome.Allowed)),
        RouteRow.Get("/api/reference/scalar.js").Expect(Expect.Everyone(Outcome.Allowed)),
        RouteRow.Get("/api/reference/scalar.aspnetcore.js").Expect(Expect.Everyone(Outcome.Allowed)),
        RouteRow.Get("/api/reference/favicon.svg").Expect(Expect.Everyone(Outcome.Allowed)),
    ];
}
