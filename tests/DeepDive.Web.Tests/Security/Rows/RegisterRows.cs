using DeepDive.Web.Tests.Security.Matrix;

namespace DeepDive.Web.Tests.Security.Rows;

/// <summary>The case register and the auditor pool, their uploads and declared conflicts: managers only, each partnership its own.</summary>
public sealed class RegisterRows : IRouteRows
{
    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/register").Expect(Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
        RouteRow.Get("/register/cases").Expect(Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
        RouteRow.Get("/register/auditors").Expect(Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
        RouteRow.Get("/register/{what}/upload")
            .Case("cases", _ => "/register/cases/upload", Expect.Only(Who.Manager, Who.OtherPartnershipManager))
            .Case("auditors", _ => "/register/auditors/upload", Expect.Only(Who.Manager, Who.OtherPartnershipManager))
            .Case("a register there is not", _ => "/register/nonsense/upload", Expect.Only(Who.Manager, Who.OtherPartnershipManager)
                .Except(Outcome.NotFound, Who.Manager, Who.OtherPartnershipManager)),
        // No file: the page again with "Select a CSV file".
        RouteRow.Post("/register/{what}/upload")
            .Case("cases", _ => "/register/cases/upload", Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
        RouteRow.Get("/register/conflicts").Expect(Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
        RouteRow.Get("/register/conflicts/declare").Expect(Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
        // An empty form: the page again with its errors.
        RouteRow.Post("/register/conflicts/declare").Expect(Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
    ];
}
