using DeepDive.Domain.Actions;
using DeepDive.Engine.Actions;
using DeepDive.Engine.Calendars;
using DeepDive.Web.Security;

namespace DeepDive.Web.Pages.Actions;

/// <summary>
/// What the action and case review pages and their API do, once: list the actions the user may see (filtered), open one
/// with its history, update or confirm it, list and open reviews, change a review. Every action goes through
/// <see cref="Scope"/>; every view and change goes into the access log, a change in its own transaction.
/// </summary>
public sealed class ActionDesk(
    ActionStore actions, CaseReviewStore reviews, ActionUpdates updates, CalendarStore calendars, Scope scope, AccessRecorder access,
    TimeProvider clock, IServiceProvider services)
{
    public const int PageSize = 25;
    private const string ObjectType = "action";
    private const string ReviewType = "case review";

    /// <summary>Which actions a list shows: a review's id, an owner agency, a status, only the overdue ones; null or false matches any.</summary>
    public sealed record Criteria(string? Review, string? Agency, RagStatus? Status, bool OverdueOnly)
    {
        public bool Any => Review is not null || Agency is not null || Status is not null || OverdueOnly;
    }

    /// <summary>An action as a list shows it: whether it is overdue now (past 08:00 on the first working day after its due date, not complete).</summary>
    public sealed record Listed(PlanAction Action, bool Overdue);

    /// <summary>
    /// The tracker: the confirmed actions that match (in review then round order), every confirmed action the user may see
    /// before filtering (for the filters' choices), and the proposed actions waiting for a manager (empty for an auditor).
    /// </summary>
    public sealed record Tracker(IReadOnlyList<Listed> Actions, IReadOnlyList<Listed> Unfiltered, IReadOnlyList<PlanAction> Proposed, IReadOnlyList<CaseReview> Reviews)
    {
        public IReadOnlyList<string> Agencies => [.. Unfiltered.Select(a => a.Action.OwnerAgency).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>One action as its page shows it, with its history (oldest first) and what the user may do with it.</summary>
    public sealed record Opened(PlanAction Action, bool Overdue, IReadOnlyList<ActionStatusEntry> History, bool MayUpdate, bool MayConfirm, string? CaseRef);

    /// <summary>A review with its history, its recommendations in order and the actions of each the user may see.</summary>
    public sealed record OpenedReview(
        CaseReview Review, IReadOnlyList<ReviewStatusEntry> History, IReadOnlyList<(Recommendation Recommendation, IReadOnlyList<Listed> Actions)> Recommendations,
        bool MayChange);

    /// <summary>A review of the register with its confirmed actions (those the user may see) by status.</summary>
    public sealed record ListedReview(CaseReview Review, IReadOnlyDictionary<RagStatus, int> Counts)
    {
        public int Total => Counts.Values.Sum();
    }

    public Scope Scope => scope;

    public async Task<Tracker> TrackerAsync(Criteria criteria, CancellationToken cancellationToken)
    {
        var confirmed = await ListedAsync(new ActionFilter { State = ActionState.Confirmed }, cancellationToken);
        var matching = confirmed.Where(a => Matches(a, criteria)).ToList();
        var proposed = scope.User.Role is Domain.Users.Role.Auditor
            ? []
            : await actions.ListAsync(scope.PartnershipId, new ActionFilter { State = ActionState.Proposed }, cancellationToken);
        var shown = matching.Select(a => a.Action.ActionId).Concat(proposed.Select(a => a.ActionId)).ToList();
        if (shown.Count > 0)
        {
            await access.ViewedAsync("action list", criteria.Any ? "filtered" : "all", cancellationToken, string.Join(", ", shown));
        }

        return new Tracker(matching, confirmed, proposed, await reviews.ListAsync(scope.PartnershipId, cancellationToken));
    }

    /// <summary>The action if the user may see it (else 404), with its history; the view is logged unless <paramref name="logView"/> is false.</summary>
    public async Task<Opened> OpenAsync(string actionId, CancellationToken cancellationToken, bool logView = true)
    {
        var action = await scope.ActionAsync(await actions.GetAsync(scope.PartnershipId, actionId, cancellationToken), cancellationToken);
        if (logView)
        {
            await access.ViewedAsync(ObjectType, action.ActionId, cancellationToken);
        }

        var history = await actions.HistoryAsync(scope.PartnershipId, action.ActionId, cancellationToken);
        var calendar = await calendars.ForPartnershipAsync(scope.PartnershipId, schoolHolidays: false, cancellationToken);
        return new Opened(action, IsOverdue(action, calendar), history, !action.IsProposed && await scope.MayUpdateAsync(action, cancellationToken),
            action.IsProposed && scope.MayManageActions, scope.ActionCaseReference(action));
    }

    /// <summary>An owner's update (status, comment, evidence, recovery plan); refused with <see cref="ActionRefusedException"/> against its fields.</summary>
    public async Task<PlanAction> UpdateAsync(Opened opened, ActionChange change, CancellationToken cancellationToken)
    {
        var what = change.Status is { } to ? $"status {RagStatuses.Name(to)}" : "evidence or recovery plan";
        var updated = await updates.UpdateAsync(scope.PartnershipId, opened.Action.ActionId, change, By, cancellationToken,
            (connection, transaction, ct) => access.ChangedAsync(connection, transaction, ObjectType, opened.Action.ActionId, "updated: " + what, ct));
        await WakeFollowUpAsync(cancellationToken);
        return updated;
    }

    /// <summary>A manager confirms a proposed action with any edits; refused with <see cref="ActionRefusedException"/> against its fields.</summary>
    public async Task<PlanAction> ConfirmAsync(Opened opened, ActionChange edits, CancellationToken cancellationToken)
    {
        var confirmed = await updates.ConfirmAsync(scope.PartnershipId, opened.Action.ActionId, edits, By, cancellationToken,
            (connection, transaction, ct) => access.ChangedAsync(connection, transaction, ObjectType, opened.Action.ActionId, "confirmed", ct));
        await WakeFollowUpAsync(cancellationToken);
        return confirmed;
    }

    /// <summary>The register of reviews, each with its actions (those the user may see) by status now.</summary>
    public async Task<IReadOnlyList<ListedReview>> ReviewsAsync(CancellationToken cancellationToken)
    {
        var all = await scope.ActionsAsync(
            await actions.ListAsync(scope.PartnershipId, new ActionFilter { State = ActionState.Confirmed }, cancellationToken), cancellationToken);
        return [.. (await reviews.ListAsync(scope.PartnershipId, cancellationToken)).Select(r => new ListedReview(r,
            all.Where(a => a.ReviewId == r.ReviewId && a.Status is not null).GroupBy(a => a.Status!.Value).ToDictionary(g => g.Key, g => g.Count())))];
    }

    /// <summary>A review (else 404) with its history and its recommendations' actions that the user may see; the view is logged.</summary>
    public async Task<OpenedReview> OpenReviewAsync(string reviewId, CancellationToken cancellationToken, bool logView = true)
    {
        var review = scope.Review(await FindReviewAsync(reviewId, cancellationToken));
        if (logView)
        {
            await access.ViewedAsync(ReviewType, review.ReviewId, cancellationToken);
        }

        var listed = await ListedAsync(new ActionFilter { ReviewId = review.ReviewId }, cancellationToken);
        var recommendations = await reviews.RecommendationsAsync(scope.PartnershipId, review.ReviewId, cancellationToken);
        return new OpenedReview(review, await reviews.HistoryAsync(scope.PartnershipId, review.ReviewId, cancellationToken),
            [.. recommendations.OrderBy(r => r.Position).Select(r => (r, (IReadOnlyList<Listed>)[.. listed.Where(a => a.Action.RecommendationId == r.RecommendationId)]))],
            scope.MayManageActions);
    }

    /// <summary>A manager's change of a review (status with its reason, dates, sign-off), with the access log's entry in its transaction.</summary>
    public Task<CaseReview> UpdateReviewAsync(CaseReview review, ReviewChange change, CancellationToken cancellationToken) =>
        reviews.UpdateAsync(scope.PartnershipId, review.ReviewId, change, By, cancellationToken,
            (connection, transaction, ct) => access.ChangedAsync(connection, transaction, ReviewType, review.ReviewId,
                "changed: " + ReviewStatuses.Name(change.Status ?? review.Status), ct));

    // Only by id: a review's name is a partnership's own words, not an address.
    private async Task<CaseReview?> FindReviewAsync(string reviewId, CancellationToken cancellationToken)
    {
        var review = await reviews.FindAsync(scope.PartnershipId, reviewId, cancellationToken);
        return review?.ReviewId == reviewId ? review : null;
    }

    private async Task<List<Listed>> ListedAsync(ActionFilter filter, CancellationToken cancellationToken)
    {
        var seen = await scope.ActionsAsync(await actions.ListAsync(scope.PartnershipId, filter, cancellationToken), cancellationToken);
        var calendar = await calendars.ForPartnershipAsync(scope.PartnershipId, schoolHolidays: false, cancellationToken);
        return [.. seen.Select(a => new Listed(a, IsOverdue(a, calendar)))];
    }

    private static bool Matches(Listed listed, Criteria criteria) =>
        (criteria.Review is null || listed.Action.ReviewId == criteria.Review)
        && (criteria.Agency is null || string.Equals(listed.Action.OwnerAgency.Trim(), criteria.Agency.Trim(), StringComparison.OrdinalIgnoreCase))
        && (criteria.Status is null || listed.Action.Status == criteria.Status)
        && (!criteria.OverdueOnly || listed.Overdue);

    private bool IsOverdue(PlanAction action, Domain.Calendars.WorkingCalendar calendar) =>
        !action.IsProposed && action.Status != RagStatus.Blue
        && clock.GetUtcNow() >= ActionTimetable.OverdueFrom(action.DueOn, calendar, Engine.Actions.UkTime.Zone);

    private string By => string.IsNullOrWhiteSpace(scope.User.Name) ? scope.User.Email : scope.User.Name;

    // In a host that runs the engine, the follow-up job looks at the change at once; a web-only node leaves it to the engine's next run.
    private async Task WakeFollowUpAsync(CancellationToken cancellationToken)
    {
        if (services.GetService(typeof(ActionScheduler)) is ActionScheduler scheduler)
        {
            await scheduler.WakeAsync(cancellationToken);
        }
    }
}
