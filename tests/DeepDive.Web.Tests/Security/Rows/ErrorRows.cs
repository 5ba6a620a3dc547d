using DeepDive.Web.Tests.Security.Matrix;

namespace DeepDive.Web.Tests.Security.Rows;

/// <summary>The error pages: shown to anyone, each with its own status (they are also what a failing request re-executes).</summary>
public sealed class ErrorRows : IRouteRows
{
    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/error").Expect(Expect.Everyone(Outcome.Allowed)),
        RouteRow.Post("/error").Expect(Expect.Everyone(Outcome.Allowed)),
        RouteRow.Get("/forbidden").Expect(Expect.Everyone(Outcome.Shows(403))),
        RouteRow.Get("/not-found").Expect(Expect.Everyone(Outcome.Shows(404))),
        RouteRow.Post("/not-found").Expect(Expect.Everyone(Outcome.Shows(404))),
    ];
}
