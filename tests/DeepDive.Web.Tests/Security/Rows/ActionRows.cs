using DeepDive.Web.Tests.Security.Matrix;
using static DeepDive.Web.Tests.Security.Matrix.Who;

namespace DeepDive.Web.Tests.Security.Rows;

/// <summary>
/// Action plans and case reviews, pages and API (policy Actions: managers, moderators, viewers, auditors; schools are
/// refused). Managers, moderators and viewers read every action; an auditor only their agency's confirmed actions
/// (another agency's, and a proposed one, are not found). Updating: managers any action, an auditor their agency's;
/// moderators and viewers are refused. Confirming a proposed action and changing a review: managers (policy Manage).
/// Another partnership's manager finds none of it. Posts are refused by validation, so nothing changes.
/// </summary>
public sealed class ActionRows : IRouteRows
{
    private static readonly Who[] Readers = [Manager, Moderator, Viewer, Auditor, OtherPartnershipManager];

    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/actions").Expect(Expect.Only(Readers)),
        RouteRow.Get("/actions/board").Expect(Expect.Only(Readers)),
        Seen(RouteRow.Get("/actions/{actionId}"), id => $"/actions/{id}"),
        Updated(RouteRow.Get("/actions/{actionId}/update"), id => $"/actions/{id}/update"),
        Updated(RouteRow.Post("/actions/{actionId}/update"), id => $"/actions/{id}/update"),
        Confirmed(RouteRow.Get("/actions/{actionId}/confirm"), id => $"/actions/{id}/confirm"),
        Confirmed(RouteRow.Post("/actions/{actionId}/confirm"), id => $"/actions/{id}/confirm"),
        RouteRow.Get("/reviews").Expect(Expect.Only(Readers)),
        RouteRow.Get("/reviews/{reviewId}").Case("of the partnership", d => $"/reviews/{d.Actions.ReviewId}", Expect.Only(Readers).Except(Outcome.NotFound, OtherPartnershipManager)),
        ReviewChanged(RouteRow.Get("/reviews/{reviewId}/update")),
        ReviewChanged(RouteRow.Post("/reviews/{reviewId}/update")),

        RouteRow.Get("/api/v1/actions/").Expect(Expect.Only(Readers)),
        Seen(RouteRow.Get("/api/v1/actions/{actionId}"), id => $"/api/v1/actions/{id}"),
        Updated(RouteRow.Post("/api/v1/actions/{actionId}/status"), id => $"/api/v1/actions/{id}/status").Json(_ => new { status = "purple" }),
        Confirmed(RouteRow.Post("/api/v1/actions/{actionId}/confirm"), id => $"/api/v1/actions/{id}/confirm").Json(_ => new { dueOn = "next week" }),
        RouteRow.Get("/api/v1/reviews/").Expect(Expect.Only(Readers)),
        RouteRow.Get("/api/v1/reviews/{reviewId}")
            .Case("of the partnership", d => $"/api/v1/reviews/{d.Actions.ReviewId}", Expect.Only(Readers).Except(Outcome.NotFound, OtherPartnershipManager)),
    ];

    /// <summary>Reading an action: everyone who reads actions, but an auditor only their agency's confirmed ones.</summary>
    private static RouteRow Seen(RouteRow row, Func<string, string> url) => row
        .Case("of the auditor's agency", d => url(d.Actions.OwnOverdueId), Expect.Only(Readers).Except(Outcome.NotFound, OtherPartnershipManager))
        .Case("of another agency", d => url(d.Actions.OtherAgencyId), Expect.Only(Readers).Except(Outcome.NotFound, Auditor, OtherPartnershipManager))
        .Case("proposed by a round", d => url(d.Actions.ProposedId), Expect.Only(Readers).Except(Outcome.NotFound, Auditor, OtherPartnershipManager));

    /// <summary>Updating an action: managers any, an auditor their agency's; moderators and viewers who see it are refused.</summary>
    private static RouteRow Updated(RouteRow row, Func<string, string> url) => row
        .Case("of the auditor's agency", d => url(d.Actions.OwnOverdueId), Expect.Only(Manager, Auditor).Except(Outcome.NotFound, OtherPartnershipManager))
        .Case("of another agency", d => url(d.Actions.OtherAgencyId), Expect.Only(Manager).Except(Outcome.NotFound, Auditor, OtherPartnershipManager));

    /// <summary>Confirming a proposed action: managers of the partnership.</summary>
    private static RouteRow Confirmed(RouteRow row, Func<string, string> url) => row
        .Case("proposed by a round", d => url(d.Actions.ProposedId), Expect.Only(Manager, OtherPartnershipManager).Except(Outcome.NotFound, OtherPartnershipManager));

    private static RouteRow ReviewChanged(RouteRow row) => row
        .Case("of the partnership", d => $"/reviews/{d.Actions.ReviewId}/update", Expect.Only(Manager, OtherPartnershipManager).Except(Outcome.NotFound, OtherPartnershipManager));
}
