using System.Data.Common;
using DeepDive.Domain.Actions;
using DeepDive.Domain.Calendars;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Actions;

/// <summary>Writes the checked rows of an action plan import in its transaction, adding and changing only what differs from what is stored.</summary>
internal sealed class ActionImportWriter(Database database, DbConnection connection, DbTransaction transaction, string partnershipId, string source, DateTime nowUtc)
{
    public sealed record Item(
        int Line, string Review, string ReviewKey, ReviewType Type, RecommendationNumber Recommendation, string RecommendationKey,
        string Action, string OwnerAgency, DateOnly DueOn, RagStatus Status, DateOnly? AsAt);

    private int reviewsAdded, reviewsChanged, recommendationsAdded, recommendationsChanged, actionsAdded, actionsChanged, statusChanges;

    public async Task<ActionImportResult> WriteAsync(IReadOnlyList<Item> items, CancellationToken cancellationToken)
    {
        var reviews = (await CaseReviewStore.KnownAsync(connection, transaction, partnershipId, cancellationToken)).ToDictionary(r => r.NameKey, StringComparer.Ordinal);
        var recommendations = (await CaseReviewStore.KnownRecommendationsAsync(connection, transaction, partnershipId, cancellationToken))
            .ToDictionary(r => (r.ReviewId, r.MatchKey));
        var actionIds = new Dictionary<string, string>(await ActionStore.MatchKeysAsync(connection, transaction, partnershipId, cancellationToken), StringComparer.Ordinal);
        var histories = (await ActionStore.HistoriesAsync(connection, transaction, partnershipId, null, cancellationToken))
            .ToDictionary(h => h.Key, h => h.Value.ToList(), StringComparer.Ordinal);
        foreach (var item in items)
        {
            var review = await ReviewAsync(reviews, item, cancellationToken);
            var recommendation = await RecommendationAsync(recommendations, review, item, cancellationToken);
            var matchKey = ActionIds.ReviewActionKey(item.ReviewKey, item.RecommendationKey, item.Action);
            var at = item.AsAt is { } day ? LocalTime.At(day, TimeOnly.MinValue, UkTime.Zone).UtcDateTime : nowUtc;
            var entry = new ActionStatusEntry(0, item.Status, at, nowUtc, ActionImporter.ImportedBy,
                $"Imported as {RagStatuses.Name(item.Status)} from {source}, line {item.Line}", null, false);
            if (!actionIds.TryGetValue(matchKey, out var actionId))
            {
                actionId = ActionIds.Action(partnershipId, matchKey);
                var position = actionIds.Count + 1;
                await ActionStore.InsertAsync(database, connection, transaction, new PlanAction
                {
                    ActionId = actionId,
                    PartnershipId = partnershipId,
                    Source = ActionSource.CaseReview,
                    State = ActionState.Confirmed,
                    ReviewId = review.ReviewId,
                    RecommendationId = recommendation.RecommendationId,
                    Description = item.Action,
                    OwnerAgency = item.OwnerAgency,
                    DueOn = item.DueOn,
                    CreatedUtc = nowUtc,
                    UpdatedUtc = nowUtc,
                    ConfirmedBy = ActionImporter.ImportedBy,
                    ConfirmedUtc = nowUtc,
                }, matchKey, position, cancellationToken);
                await ActionStore.AppendStatusAsync(connection, transaction, partnershipId, actionId, entry, cancellationToken);
                actionIds[matchKey] = actionId;
                histories[actionId] = [entry];
                actionsAdded++;
                continue;
            }

            var stored = await ActionStore.GetAsync(connection, transaction, partnershipId, actionId, cancellationToken)
                ?? throw new InvalidOperationException($"Action {actionId} vanished during an import.");
            if (stored.DueOn != item.DueOn || !string.Equals(stored.OwnerAgency, item.OwnerAgency, StringComparison.Ordinal))
            {
                await ActionStore.UpdateAsync(connection, transaction, stored with { DueOn = item.DueOn, OwnerAgency = item.OwnerAgency, UpdatedUtc = nowUtc }, cancellationToken);
                actionsChanged++;
            }

            // The status is recorded only when the history does not already give it for that day.
            var history = histories.GetValueOrDefault(actionId) ?? [];
            if (StatusHistory.InForceBefore(history, e => e.AtUtc, at.AddTicks(1))?.Status != item.Status)
            {
                await ActionStore.AppendStatusAsync(connection, transaction, partnershipId, actionId, entry, cancellationToken);
                histories[actionId] = [.. history, entry];
                statusChanges++;
            }
        }

        return new ActionImportResult(reviewsAdded, reviewsChanged, recommendationsAdded, recommendationsChanged, actionsAdded, actionsChanged, statusChanges, []);
    }

    private async Task<CaseReviewStore.Known> ReviewAsync(Dictionary<string, CaseReviewStore.Known> reviews, Item item, CancellationToken cancellationToken)
    {
        if (!reviews.TryGetValue(item.ReviewKey, out var review))
        {
            review = new CaseReviewStore.Known(ActionIds.Review(partnershipId, item.ReviewKey), item.ReviewKey, item.Review, item.Type);
            await CaseReviewStore.InsertAsync(connection, transaction, partnershipId, review, ActionImporter.ImportedBy,
                $"Added by the import of {source}, line {item.Line}", nowUtc, cancellationToken);
            reviewsAdded++;
        }
        else if (review.Type != item.Type)
        {
            // A rapid review that became a practice review, say: the spreadsheet says what it is now.
            await CaseReviewStore.SetTypeAsync(connection, transaction, review.ReviewId, item.Type, nowUtc, cancellationToken);
            review = review with { Type = item.Type };
            reviewsChanged++;
        }

        reviews[item.ReviewKey] = review;
        return review;
    }

    private async Task<CaseReviewStore.KnownRecommendation> RecommendationAsync(
        Dictionary<(string, string), CaseReviewStore.KnownRecommendation> recommendations, CaseReviewStore.Known review, Item item,
        CancellationToken cancellationToken)
    {
        var key = (review.ReviewId, item.RecommendationKey);
        if (!recommendations.TryGetValue(key, out var recommendation))
        {
            var position = recommendations.Values.Count(r => r.ReviewId == review.ReviewId) + 1;
            recommendation = new CaseReviewStore.KnownRecommendation(ActionIds.Recommendation(review.ReviewId, item.RecommendationKey), review.ReviewId,
                item.RecommendationKey, item.Recommendation.Number, item.Recommendation.Text, position);
            await CaseReviewStore.InsertRecommendationAsync(connection, transaction, partnershipId, recommendation, nowUtc, cancellationToken);
            recommendationsAdded++;
        }
        else if (item.Recommendation.Text.Length > 0 && ActionKey.Normalise(item.Recommendation.Text) != ActionKey.Normalise(recommendation.Wording))
        {
            await CaseReviewStore.SetWordingAsync(connection, transaction, recommendation.RecommendationId, item.Recommendation.Text, cancellationToken);
            recommendation = recommendation with { Wording = item.Recommendation.Text };
            recommendationsChanged++;
        }

        recommendations[key] = recommendation;
        return recommendation;
    }
}
