using DeepDive.Web.Tests.Security.Matrix;

namespace DeepDive.Web.Tests.Security.Rows;

/// <summary>Cycle reports: managers, moderators and viewers (viewers without case references); another partnership's cycle is not found.</summary>
public sealed class ReportRows : IRouteRows
{
    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/reports").Expect(Expect.Only(Who.Manager, Who.Moderator, Who.Viewer, Who.OtherPartnershipManager)),
        RouteRow.Get("/reports/{cycleId}")
            .Case("a cycle of the partnership", d => $"/reports/{d.CycleId}",
                Expect.Only(Who.Manager, Who.Moderator, Who.Viewer, Who.OtherPartnershipManager).Except(Outcome.NotFound, Who.OtherPartnershipManager)),
    ];
}
