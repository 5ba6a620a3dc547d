using DeepDive.Web.Tests.Security.Matrix;

namespace DeepDive.Web.Tests.Security.Rows;

/// <summary>Learning briefs: managers and moderators (another partnership's manager sees their own, and not found for this one's).</summary>
public sealed class LearningRows : IRouteRows
{
    public IEnumerable<RouteRow> Rows(MatrixData data) =>
    [
        RouteRow.Get("/learning").Expect(Expect.Only(Who.Manager, Who.Moderator, Who.OtherPartnershipManager)),
        RouteRow.Get("/learning/briefs/{roundId}")
            .Case("a brief of the partnership", d => $"/learning/briefs/{d.BriefRoundId}",
                Expect.Only(Who.Manager, Who.Moderator, Who.OtherPartnershipManager).Except(Outcome.NotFound, Who.OtherPartnershipManager))
            .Case("a round there is not", _ => "/learning/briefs/R-none",
                Expect.Only(Who.Manager, Who.Moderator, Who.OtherPartnershipManager).Except(Outcome.NotFound, Who.Manager, Who.Moderator, Who.OtherPartnershipManager)),
    ];
}
