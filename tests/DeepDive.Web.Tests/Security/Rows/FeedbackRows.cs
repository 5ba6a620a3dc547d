using DeepDive.Web.Tests.Security.Matrix;

namespace DeepDive.Web.Tests.Security.Rows;

/// <summary>
/// Schools' feedback, on the pages and through the API: a school's lead reads only their own school's (another
/// school's is not found); managers and moderators read every school's; another partnership finds none of it.
/// </summary>
public sealed class FeedbackRows : IRouteRows
{
    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/feedback").Expect(Expect.Only(Who.Manager, Who.Moderator, Who.School, Who.OtherPartnershipManager)),
        RouteRow.Get("/feedback/{roundId}/{school}")
            .Case("the school's own", d => $"/feedback/{d.SchoolFeedbackRoundId}/{d.SchoolName}", Own())
            .Case("another school's", d => $"/feedback/{d.OtherSchoolFeedbackRoundId}/{d.OtherSchoolName}", Other()),
        RouteRow.Get("/api/v1/feedback").Expect(Expect.Only(Who.Manager, Who.Moderator, Who.School, Who.OtherPartnershipManager)),
        RouteRow.Get("/api/v1/feedback/{roundId}/{school}")
            .Case("the school's own", d => $"/api/v1/feedback/{d.SchoolFeedbackRoundId}/{d.SchoolName}", Own())
            .Case("another school's", d => $"/api/v1/feedback/{d.OtherSchoolFeedbackRoundId}/{d.OtherSchoolName}", Other()),
    ];

    private static Expect Own() =>
        Expect.Only(Who.Manager, Who.Moderator, Who.School, Who.OtherPartnershipManager).Except(Outcome.NotFound, Who.OtherPartnershipManager);

    private static Expect Other() =>
        Expect.Only(Who.Manager, Who.Moderator, Who.School, Who.OtherPartnershipManager).Except(Outcome.NotFound, Who.School, Who.OtherPartnershipManager);
}
