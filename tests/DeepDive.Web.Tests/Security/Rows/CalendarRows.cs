using DeepDive.Web.Tests.Security.Matrix;

namespace DeepDive.Web.Tests.Security.Rows;

/// <summary>Bank and school holidays, and the school terms upload: managers only.</summary>
public sealed class CalendarRows : IRouteRows
{
    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/calendars").Expect(Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
        RouteRow.Get("/calendars/terms/upload").Expect(Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
        // No file: the page again with "Select a CSV file".
        RouteRow.Post("/calendars/terms/upload").Expect(Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
    ];
}
