using DeepDive.Web.Tests.Security.Matrix;

namespace DeepDive.Web.Tests.Security.Rows;

/// <summary>The notifications and sending failed ones again: managers only, each partnership its own (the queries and updates are scoped to it).</summary>
public sealed class OutboxRows : IRouteRows
{
    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/outbox").Expect(Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
        // A notification that is not waiting: nothing is queued, the list again.
        RouteRow.Post("/outbox", handler: "SendAgain").Form(_ => new Dictionary<string, string> { ["id"] = "no-such-notification" })
            .Expect(Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
        // The demo year left no failed notification: nothing is queued.
        RouteRow.Post("/outbox", handler: "SendAllAgain").Expect(Expect.Only(Who.Manager, Who.OtherPartnershipManager)),
    ];
}
