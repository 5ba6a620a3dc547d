using System.Globalization;
using DeepDive.Domain.Actions;
using DeepDive.Engine.Actions;
using DeepDive.Web.Pages.Actions;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DeepDive.Web.Api.Actions;

/// <summary>
/// The action plans as their pages show them: the tracker's list (same filters), an action with its history, an owner's
/// status change, a manager's confirmation of a proposed action, the case review register and a review with its
/// recommendations' actions. Out of scope is 404; seen but not the caller's to change 403; a rule broken 400 naming each field.
/// </summary>
public sealed class ActionsApi : IApiEndpoints
{
    public void Map(RouteGroupBuilder api)
    {
        var actions = api.MapGroup("/actions").RequireAuthorization(Policies.Actions).WithTags("Actions");
        actions.MapGet("/", ListAsync).WithName("ListActions")
            .WithSummary("The confirmed actions the caller may see (?review=, ?agency=, ?status=red|amber|green|blue, ?overdue=true), 25 a page (?page=2), and the proposed ones");
        actions.MapGet("/{actionId}", GetAsync).WithName("GetAction").WithSummary("An action with every change of its status");
        actions.MapPost("/{actionId}/status", ChangeStatusAsync).WithName("ChangeActionStatus")
            .WithSummary("An owner's update: status, with evidence (completing needs evidence or a reason), a reason (red and amber need one) and a recovery plan");
        actions.MapPost("/{actionId}/confirm", ConfirmAsync).WithName("ConfirmAction").RequireAuthorization(Policies.Manage)
            .WithSummary("A manager confirms a proposed action, with any edits of its description, owner and due date (yyyy-MM-dd)");

        var reviews = api.MapGroup("/reviews").RequireAuthorization(Policies.Actions).WithTags("Case reviews");
        reviews.MapGet("/", ReviewsAsync).WithName("ListCaseReviews").WithSummary("The case review register, each review with its actions by status");
        reviews.MapGet("/{reviewId}", ReviewAsync).WithName("GetCaseReview")
            .WithSummary("A case review: its dates, status history, and its recommendations in order with their actions");
    }

    public sealed record ActionSummaryJson(
        string ActionId, string Source, string State, string? ReviewId, string? Review, string? Recommendation, string? RoundId, string Description,
        string OwnerAgency, string? OwnerName, DateOnly DueOn, string? Status, bool Overdue, string Url);

    public sealed record ActionListJson(IReadOnlyList<ActionSummaryJson> Actions, int Page, int PageCount, int Total, IReadOnlyList<ActionSummaryJson> Proposed);

    public sealed record HistoryJson(string Status, DateTime AtUtc, DateTime RecordedUtc, string ChangedBy, bool Automatic, string? Reason, string? Evidence);

    public sealed record ActionJson(
        string ActionId, string Source, string State, string? ReviewId, string? Review, string? Recommendation, string? RoundId, string? CaseRef,
        string Description, string OwnerAgency, string? OwnerName, string? OwnerEmail, DateOnly DueOn, string? Status, DateTime? StatusSinceUtc,
        bool Overdue, string? Evidence, string? RecoveryPlan, bool MayUpdate, IReadOnlyList<HistoryJson> History);

    /// <summary>An owner's update; a field left out stays as it is (the status too).</summary>
    public sealed record StatusChangeJson(string? Status, string? Evidence, string? Reason, string? RecoveryPlan);

    /// <summary>A manager's confirmation; a field left out stays as proposed.</summary>
    public sealed record ConfirmJson(string? Description, string? OwnerAgency, string? OwnerName, string? OwnerEmail, string? DueOn);

    public sealed record ReviewSummaryJson(
        string ReviewId, string Name, string Type, string Status, string? StatusReason, DateOnly? IncidentOn, DateOnly? RapidReviewOn, DateOnly? PublishedOn,
        int? DaysToPublication, IReadOnlyDictionary<string, int> Actions, string Url);

    public sealed record ReviewStatusJson(string Status, string? Reason, string ChangedBy, DateTime AtUtc);

    public sealed record RecommendationJson(string? Number, string Wording, IReadOnlyList<ActionSummaryJson> Actions);

    public sealed record ReviewJson(
        string ReviewId, string Name, string Type, string Status, string? StatusReason, DateOnly? IncidentOn, DateOnly? RapidReviewOn, string? SignedOffBy,
        DateOnly? SignedOffOn, DateOnly? PublishedOn, int? DaysToPublication, IReadOnlyList<ReviewStatusJson> History, IReadOnlyList<RecommendationJson> Recommendations);

    private static async Task<Results<Ok<ActionListJson>, ValidationProblem>> ListAsync(
        ActionDesk desk, string? review, string? agency, string? status, string? overdue, string? page, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        RagStatus? rag = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (RagStatuses.TryParse(status, out var parsed))
            {
                rag = parsed;
            }
            else
            {
                errors["status"] = [$"Use {RagStatuses.NameList}"];
            }
        }

        var overdueOnly = false;
        if (overdue is not null && !bool.TryParse(overdue, out overdueOnly))
        {
            errors["overdue"] = ["Use true or false"];
        }

        var number = 1;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number < 1))
        {
            errors["page"] = ["Use a page number of 1 or more"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var tracker = await desk.TrackerAsync(new ActionDesk.Criteria(Blank(review), Blank(agency), rag, overdueOnly), cancellationToken);
        var pageCount = Math.Max(1, (tracker.Actions.Count + ActionDesk.PageSize - 1) / ActionDesk.PageSize);
        if (number > pageCount)
        {
            throw new NotFoundException("action list page");
        }

        return TypedResults.Ok(new ActionListJson(
            [.. tracker.Actions.Skip((number - 1) * ActionDesk.PageSize).Take(ActionDesk.PageSize).Select(Summary)], number, pageCount, tracker.Actions.Count,
            [.. tracker.Proposed.Select(a => Summary(new ActionDesk.Listed(a, false)))]));
    }

    private static async Task<Ok<ActionJson>> GetAsync(ActionDesk desk, string actionId, CancellationToken cancellationToken) =>
        TypedResults.Ok(Json(await desk.OpenAsync(actionId, cancellationToken)));

    private static async Task<Results<Ok<ActionJson>, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        ActionDesk desk, string actionId, StatusChangeJson body, CancellationToken cancellationToken)
    {
        var opened = await desk.OpenAsync(actionId, cancellationToken, logView: false);
        if (opened.Action.IsProposed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not confirmed yet",
                detail: "This action was proposed by an audit round: a manager confirms it before its status can change.");
        }

        if (!opened.MayUpdate)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your action",
                detail: "Only a manager, or an auditor of the agency that owns the action, can update it.");
        }

        RagStatus? status = null;
        if (body.Status is not null)
        {
            if (!RagStatuses.TryParse(body.Status, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"Use {RagStatuses.NameList}"] });
            }

            status = parsed;
        }

        try
        {
            await desk.UpdateAsync(opened, new ActionChange { Status = status, Comment = body.Reason, Evidence = body.Evidence, RecoveryPlan = body.RecoveryPlan },
                cancellationToken);
        }
        catch (ActionRefusedException refusal)
        {
            return TypedResults.ValidationProblem(Errors(refusal), title: "The action cannot be updated");
        }

        return TypedResults.Ok(Json(await desk.OpenAsync(actionId, cancellationToken, logView: false)));
    }

    private static async Task<Results<Ok<ActionJson>, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        ActionDesk desk, string actionId, ConfirmJson body, CancellationToken cancellationToken)
    {
        var opened = await desk.OpenAsync(actionId, cancellationToken, logView: false);
        if (!opened.Action.IsProposed)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already confirmed",
                detail: "This action has already been confirmed. Change it with POST /api/v1/actions/{actionId}/status.");
        }

        DateOnly? due = null;
        if (body.DueOn is not null)
        {
            if (!DateOnly.TryParseExact(body.DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["dueOn"] = ["Enter the due date as yyyy-MM-dd, for example 2027-09-30"] });
            }

            due = parsed;
        }

        try
        {
            await desk.ConfirmAsync(opened, new ActionChange
            {
                Description = body.Description, OwnerAgency = body.OwnerAgency, OwnerName = body.OwnerName, OwnerEmail = body.OwnerEmail, DueOn = due,
            }, cancellationToken);
        }
        catch (ActionRefusedException refusal)
        {
            return TypedResults.ValidationProblem(Errors(refusal), title: "The action cannot be confirmed");
        }

        return TypedResults.Ok(Json(await desk.OpenAsync(actionId, cancellationToken, logView: false)));
    }

    private static async Task<Ok<IReadOnlyList<ReviewSummaryJson>>> ReviewsAsync(ActionDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<ReviewSummaryJson>>([.. (await desk.ReviewsAsync(cancellationToken)).Select(l => new ReviewSummaryJson(
            l.Review.ReviewId, l.Review.Name, ReviewTypes.Name(l.Review.Type), ReviewStatuses.Name(l.Review.Status), l.Review.StatusReason, l.Review.IncidentOn,
            l.Review.RapidReviewOn, l.Review.PublishedOn, l.Review.DaysToPublication,
            l.Counts.ToDictionary(c => RagStatuses.Name(c.Key), c => c.Value), $"/reviews/{l.Review.ReviewId}"))]);

    private static async Task<Ok<ReviewJson>> ReviewAsync(ActionDesk desk, string reviewId, CancellationToken cancellationToken)
    {
        var o = await desk.OpenReviewAsync(reviewId, cancellationToken);
        var r = o.Review;
        return TypedResults.Ok(new ReviewJson(r.ReviewId, r.Name, ReviewTypes.Name(r.Type), ReviewStatuses.Name(r.Status), r.StatusReason, r.IncidentOn,
            r.RapidReviewOn, r.SignedOffBy, r.SignedOffOn, r.PublishedOn, r.DaysToPublication,
            [.. o.History.Select(h => new ReviewStatusJson(ReviewStatuses.Name(h.Status), h.Reason, h.ChangedBy, h.AtUtc))],
            [.. o.Recommendations.Select(x => new RecommendationJson(x.Recommendation.Number, x.Recommendation.Wording, [.. x.Actions.Select(Summary)]))]));
    }

    /// <summary>The domain's refusals by the API's field names: the comment is "reason".</summary>
    private static Dictionary<string, string[]> Errors(ActionRefusedException refusal) =>
        refusal.Problems.GroupBy(p => p.Field == StatusChangeRules.CommentField ? "reason" : p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());

    private static ActionSummaryJson Summary(ActionDesk.Listed listed)
    {
        var a = listed.Action;
        return new ActionSummaryJson(a.ActionId, a.Source, a.State, a.ReviewId, a.ReviewName, a.ReviewId is null ? null : a.RecommendationText, a.RoundId,
            a.Description, a.OwnerAgency, a.OwnerName, a.DueOn, a.Status is { } s ? RagStatuses.Name(s) : null, listed.Overdue, $"/actions/{a.ActionId}");
    }

    private static ActionJson Json(ActionDesk.Opened o)
    {
        var a = o.Action;
        return new ActionJson(a.ActionId, a.Source, a.State, a.ReviewId, a.ReviewName, a.ReviewId is null ? null : a.RecommendationText, a.RoundId, o.CaseRef,
            a.Description, a.OwnerAgency, a.OwnerName, a.OwnerEmail, a.DueOn, a.Status is { } s ? RagStatuses.Name(s) : null, a.StatusSinceUtc, o.Overdue,
            a.Evidence, a.RecoveryPlan, o.MayUpdate,
            [.. o.History.Select(h => new HistoryJson(RagStatuses.Name(h.Status), h.AtUtc, h.RecordedUtc, h.ChangedBy, h.Automatic, h.Reason, h.Evidence))]);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
