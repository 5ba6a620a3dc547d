using DeepDive.Engine.Learning;
using DeepDive.Web.Pages.Feedback;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DeepDive.Web.Api.Feedback;

/// <summary>
/// Schools' feedback for programs: the caller's list (a school's lead: their own school's; managers and moderators:
/// every school's) and one paper as its Markdown. Another school's paper is a 404, as on the pages.
/// </summary>
public sealed class FeedbackApi : IApiEndpoints
{
    /// <summary>One paper in a list: which round and audit wrote it for which school, when, and where to read it.</summary>
    public sealed record FeedbackItem(string RoundId, string CycleId, string School, DateTime WrittenUtc, string Href);

    /// <summary>One paper: its Markdown as the reader may see it (a school reads its cases as numbers, not references).</summary>
    public sealed record FeedbackPaper(string RoundId, string CycleId, string School, DateTime WrittenUtc, string Markdown);

    public void Map(RouteGroupBuilder api)
    {
        api.MapGet("/feedback", ListAsync).RequireAuthorization(Policies.Feedback).WithTags("Feedback").WithName("ListFeedback")
            .WithSummary("Schools' feedback you may read")
            .WithDescription("Newest first: a school's designated safeguarding lead gets their own school's, from every round; managers and moderators every school's.");
        api.MapGet("/feedback/{roundId}/{school}", ReadAsync).RequireAuthorization(Policies.Feedback).WithTags("Feedback").WithName("GetFeedback")
            .WithSummary("One school's feedback from one round")
            .WithDescription("The feedback as Markdown. A school reads its cases as numbers, not case references; another school's feedback is 404.");
    }

    private static async Task<Ok<IReadOnlyList<FeedbackItem>>> ListAsync(LearningStore store, Scope scope, CancellationToken cancellationToken)
    {
        var papers = await SchoolFeedback.ListAsync(store, scope, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<FeedbackItem>>([.. papers.Select(p =>
            new FeedbackItem(p.RoundId, p.CycleId, p.Title, p.WrittenUtc, $"{ApiEndpoints.Prefix}{SchoolFeedback.Href(p)}"))]);
    }

    private static async Task<Ok<FeedbackPaper>> ReadAsync(string roundId, string school, LearningStore store, Scope scope, AccessRecorder access,
        CancellationToken cancellationToken)
    {
        var paper = await SchoolFeedback.ReadAsync(store, scope, access, roundId, school, cancellationToken);
        return TypedResults.Ok(new FeedbackPaper(paper.RoundId, paper.CycleId, paper.Title, paper.WrittenUtc, paper.Body));
    }
}
