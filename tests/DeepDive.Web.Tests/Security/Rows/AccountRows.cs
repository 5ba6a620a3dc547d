using DeepDive.Web.Tests.Security.Matrix;

namespace DeepDive.Web.Tests.Security.Rows;

/// <summary>Signing in and out, the front door, and who the API says you are.</summary>
public sealed class AccountRows : IRouteRows
{
    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/sign-in").Expect(Expect.Everyone(Outcome.Allowed)),
        // An empty form: the page again with its errors, for anyone.
        RouteRow.Post("/sign-in").Expect(Expect.Everyone(Outcome.Allowed)),
        RouteRow.Get("/sign-out").Expect(Expect.Everyone(Outcome.Allowed)),
        RouteRow.Post("/sign-out").EndingSession().Expect(Expect.Everyone(Outcome.Allowed)),
        // Each role is sent on to its own start page.
        RouteRow.Get("/").Expect(Expect.SignedIn()),
        RouteRow.Get("/api/v1/me").Expect(Expect.SignedIn()),
    ];
}
