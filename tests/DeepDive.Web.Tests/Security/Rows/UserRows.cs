using DeepDive.Web.Tests.Security.Matrix;

namespace DeepDive.Web.Tests.Security.Rows;

/// <summary>Users: managers only, each partnership its own people (another partnership's account is not found).</summary>
public sealed class UserRows : IRouteRows
{
    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/users").Expect(Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
        RouteRow.Get("/users/add").Expect(Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
        // An empty form: the page again with its errors.
        RouteRow.Post("/users/add").Expect(Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
        RouteRow.Get("/users/{userId}").Case("an account of the partnership", d => $"/users/{d.SpareUserId}", Partnerships()),
        // Enabling an account that is not disabled changes nothing.
        RouteRow.Post("/users/{userId}", handler: "Enable").Case("an account of the partnership", d => $"/users/{d.SpareUserId}", Partnerships()),
        RouteRow.Get("/users/{userId}/disable").Case("an account of the partnership", d => $"/users/{d.SpareUserId}/disable", Partnerships()),
        // The manager's own account: refused with a message, so nothing changes.
        RouteRow.Post("/users/{userId}/disable").Case("the manager's own account", d => $"/users/{d.ManagerUserId}/disable", Partnerships()),
        RouteRow.Get("/users/{userId}/reset-password").Case("an account of the partnership", d => $"/users/{d.SpareUserId}/reset-password", Partnerships()),
        RouteRow.Post("/users/{userId}/reset-password").Case("an account no one in the matrix signs in with", d => $"/users/{d.SpareUserId}/reset-password", Partnerships()),
        RouteRow.Get("/users/{userId}/password").Case("an account of the partnership", d => $"/users/{d.SpareUserId}/password", Partnerships()),
    ];

    private static Expect Partnerships() =>
        Expect.Only(Who.Manager, Who.OtherPartnershipManager).Except(Outcome.NotFound, Who.OtherPartnershipManager);
}
