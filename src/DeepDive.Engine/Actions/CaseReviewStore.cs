using System.Data.Common;
using Dapper;
using DeepDive.Domain.Actions;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Persistence;

namespace DeepDive.Engine.Actions;

/// <summary>The partnership's register of case reviews, each review's status history, and its recommendations.</summary>
public sealed class CaseReviewStore(Database database, TimeProvider clock)
{
    private sealed class Row
    {
        public string ReviewId { get; set; } = "";
        public string Name { get; set; } = "";
        public string ReviewType { get; set; } = "";
        public string Status { get; set; } = "";
        public string? StatusReason { get; set; }
        public DateTime? IncidentOn { get; set; }
        public DateTime? RapidReviewOn { get; set; }
        public string? SignedOffBy { get; set; }
        public DateTime? SignedOffOn { get; set; }
        public DateTime? PublishedOn { get; set; }
        public DateTime CreatedUtc { get; set; }

        public CaseReview ToReview() => new(ReviewId, Name, ReviewTypes.Parse(ReviewType), ReviewStatuses.Parse(Status), StatusReason,
            UkTime.Read(IncidentOn), UkTime.Read(RapidReviewOn), SignedOffBy, UkTime.Read(SignedOffOn), UkTime.Read(PublishedOn), CreatedUtc);
    }

    private sealed class HistoryRow
    {
        public string ReviewId { get; set; } = "";
        public string Status { get; set; } = "";
        public string? Reason { get; set; }
        public string ChangedBy { get; set; } = "";
        public DateTime AtUtc { get; set; }

        public ReviewStatusEntry ToEntry() => new(ReviewStatuses.Parse(Status), Reason, ChangedBy, AtUtc);
    }

    private sealed class RecommendationRow
    {
        public string RecommendationId { get; set; } = "";
        public string ReviewId { get; set; } = "";
        public string? Number { get; set; }
        public string Wording { get; set; } = "";
        public string MatchKey { get; set; } = "";
        public int Position { get; set; }
    }

    private const string Columns = """
        review_id AS ReviewId, name AS Name, review_type AS ReviewType, status AS Status, status_reason AS StatusReason,
        incident_on AS IncidentOn, rapid_review_on AS RapidReviewOn, signed_off_by AS SignedOffBy, signed_off_on AS SignedOffOn,
        published_on AS PublishedOn, created_utc AS CreatedUtc
        """;

    /// <summary>The partnership's reviews by name.</summary>
    public async Task<IReadOnlyList<CaseReview>> ListAsync(string partnershipId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM case_review WHERE partnership_id = @PartnershipId ORDER BY name_key, review_id",
            new { PartnershipId = partnershipId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToReview()).ToList();
    }

    /// <summary>A review by its id or its name (any case and spacing), or null when the partnership has none such.</summary>
    public async Task<CaseReview?> FindAsync(string partnershipId, string idOrName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idOrName);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM case_review WHERE partnership_id = @PartnershipId AND (review_id = @Id OR name_key = @NameKey)",
            new { PartnershipId = partnershipId, Id = idOrName.Trim(), NameKey = ActionKey.Normalise(idOrName) }, cancellationToken: cancellationToken));
        return row?.ToReview();
    }

    /// <summary>A review's status changes, oldest first.</summary>
    public async Task<IReadOnlyList<ReviewStatusEntry>> HistoryAsync(string partnershipId, string reviewId, CancellationToken cancellationToken) =>
        (await HistoriesAsync(partnershipId, reviewId, cancellationToken)).GetValueOrDefault(reviewId) ?? [];

    /// <summary>Every review's status changes, oldest first, by review (one review's when <paramref name="reviewId"/> is given).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ReviewStatusEntry>>> HistoriesAsync(
        string partnershipId, string? reviewId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HistoryRow>(new CommandDefinition($"""
            SELECT review_id AS ReviewId, status AS Status, reason AS Reason, changed_by AS ChangedBy, at_utc AS AtUtc
            FROM case_review_status WHERE partnership_id = @PartnershipId{(reviewId is null ? "" : " AND review_id = @ReviewId")}
            ORDER BY review_id, at_utc, position
            """, new { PartnershipId = partnershipId, ReviewId = reviewId }, cancellationToken: cancellationToken));
        return rows.GroupBy(r => r.ReviewId).ToDictionary(g => g.Key, g => (IReadOnlyList<ReviewStatusEntry>)g.Select(r => r.ToEntry()).ToList());
    }

    /// <summary>The recommendations of one review (or of every review), in the order the review gives them.</summary>
    public async Task<IReadOnlyList<Recommendation>> RecommendationsAsync(string partnershipId, string? reviewId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await RecommendationRowsAsync(connection, null, partnershipId, reviewId, cancellationToken);
        return rows.Select(r => new Recommendation(r.RecommendationId, r.ReviewId, r.Number, r.Wording, r.Position)).ToList();
    }

    /// <summary>
    /// Changes a review: its status (with the reason, kept in its history), type, dates and sign-off. Moving it to
    /// published without a publication date dates it today. A change that breaks a rule is refused with an
    /// <see cref="ArgumentException"/> saying why. <paramref name="alsoWrite"/> is written in the same transaction (the web app's access log).
    /// </summary>
    public async Task<CaseReview> UpdateAsync(string partnershipId, string reviewId, ReviewChange change, string by, CancellationToken cancellationToken,
        DomainWrite? alsoWrite = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var review = await FindAsync(partnershipId, reviewId, cancellationToken)
            ?? throw new ArgumentException($"There is no case review '{reviewId}' in partnership '{partnershipId}'; 'deepdive review list' shows them.");
        if (change.Status is { } status && ReviewStatuses.Problem(status, change.Reason) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var newStatus = change.Status ?? review.Status;
        var publishedOn = change.PublishedOn ?? review.PublishedOn
            ?? (newStatus == ReviewStatus.Published ? UkTime.Today(clock) : null);
        var statusChanged = change.Status is { } s && (s != review.Status || (change.Reason is not null && change.Reason != review.StatusReason));
        var updated = review with
        {
            Type = change.Type ?? review.Type,
            Status = newStatus,
            StatusReason = change.Status is null ? review.StatusReason : change.Reason?.Trim(),
            IncidentOn = change.IncidentOn ?? review.IncidentOn,
            RapidReviewOn = change.RapidReviewOn ?? review.RapidReviewOn,
            SignedOffBy = change.SignedOffBy?.Trim() ?? review.SignedOffBy,
            SignedOffOn = change.SignedOffOn ?? review.SignedOffOn,
            PublishedOn = publishedOn,
        };
        await database.WriteAsync(async (connection, transaction, ct) =>
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                UPDATE case_review SET review_type = @Type, status = @Status, status_reason = @StatusReason, incident_on = @IncidentOn,
                    rapid_review_on = @RapidReviewOn, signed_off_by = @SignedOffBy, signed_off_on = @SignedOffOn, published_on = @PublishedOn,
                    updated_utc = @Now
                WHERE partnership_id = @PartnershipId AND review_id = @ReviewId
                """, new
            {
                Type = ReviewTypes.Name(updated.Type),
                Status = ReviewStatuses.Name(updated.Status),
                updated.StatusReason,
                IncidentOn = UkTime.Stored(updated.IncidentOn),
                RapidReviewOn = UkTime.Stored(updated.RapidReviewOn),
                updated.SignedOffBy,
                SignedOffOn = UkTime.Stored(updated.SignedOffOn),
                PublishedOn = UkTime.Stored(updated.PublishedOn),
                Now = now,
                PartnershipId = partnershipId,
                review.ReviewId,
            }, transaction, cancellationToken: ct));
            if (statusChanged)
            {
                await AppendStatusAsync(connection, transaction, partnershipId, review.ReviewId, updated.Status, updated.StatusReason, by, now, now, ct);
            }

            if (alsoWrite is not null)
            {
                await alsoWrite(connection, transaction, ct);
            }
        }, cancellationToken);
        return updated;
    }

    /// <summary>A review found by an import, keyed by its normalised name.</summary>
    internal sealed record Known(string ReviewId, string NameKey, string Name, ReviewType Type);

    /// <summary>A recommendation found by an import, keyed by its review and match key.</summary>
    internal sealed record KnownRecommendation(string RecommendationId, string ReviewId, string MatchKey, string? Number, string Wording, int Position);

    internal static async Task<IReadOnlyList<Known>> KnownAsync(DbConnection connection, DbTransaction? transaction, string partnershipId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string ReviewId, string NameKey, string Name, string ReviewType)>(new CommandDefinition(
            "SELECT review_id, name_key, name, review_type FROM case_review WHERE partnership_id = @PartnershipId",
            new { PartnershipId = partnershipId }, transaction, cancellationToken: cancellationToken));
        return rows.Select(r => new Known(r.ReviewId, r.NameKey, r.Name, ReviewTypes.Parse(r.ReviewType))).ToList();
    }

    internal static async Task<IReadOnlyList<KnownRecommendation>> KnownRecommendationsAsync(
        DbConnection connection, DbTransaction transaction, string partnershipId, CancellationToken cancellationToken) =>
        (await RecommendationRowsAsync(connection, transaction, partnershipId, null, cancellationToken))
            .Select(r => new KnownRecommendation(r.RecommendationId, r.ReviewId, r.MatchKey, r.Number, r.Wording, r.Position)).ToList();

    /// <summary>Adds a review (in progress, its history starting there) in the caller's transaction.</summary>
    internal static async Task InsertAsync(DbConnection connection, DbTransaction transaction, string partnershipId, Known review, string by, string reason,
        DateTime nowUtc, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO case_review (partnership_id, review_id, name, name_key, review_type, status, created_utc, updated_utc)
            VALUES (@PartnershipId, @ReviewId, @Name, @NameKey, @Type, @Status, @Now, @Now)
            """, new
        {
            PartnershipId = partnershipId,
            review.ReviewId,
            review.Name,
            review.NameKey,
            Type = ReviewTypes.Name(review.Type),
            Status = ReviewStatuses.Name(ReviewStatus.InProgress),
            Now = nowUtc,
        }, transaction, cancellationToken: cancellationToken));
        await AppendStatusAsync(connection, transaction, partnershipId, review.ReviewId, ReviewStatus.InProgress, reason, by, nowUtc, nowUtc, cancellationToken);
    }

    internal static Task InsertRecommendationAsync(DbConnection connection, DbTransaction transaction, string partnershipId, KnownRecommendation recommendation,
        DateTime nowUtc, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO recommendation (partnership_id, recommendation_id, review_id, number, wording, match_key, position, created_utc)
            VALUES (@PartnershipId, @RecommendationId, @ReviewId, @Number, @Wording, @MatchKey, @Position, @Now)
            """, new
        {
            PartnershipId = partnershipId,
            recommendation.RecommendationId,
            recommendation.ReviewId,
            recommendation.Number,
            recommendation.Wording,
            recommendation.MatchKey,
            recommendation.Position,
            Now = nowUtc,
        }, transaction, cancellationToken: cancellationToken));

    internal static Task SetTypeAsync(DbConnection connection, DbTransaction transaction, string reviewId, ReviewType type, DateTime nowUtc,
        CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE case_review SET review_type = @Type, updated_utc = @Now WHERE review_id = @ReviewId",
            new { ReviewId = reviewId, Type = ReviewTypes.Name(type), Now = nowUtc }, transaction, cancellationToken: cancellationToken));

    /// <summary>Gives words to a numbered recommendation first imported with its number alone.</summary>
    internal static Task SetWordingAsync(DbConnection connection, DbTransaction transaction, string recommendationId, string wording, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            "UPDATE recommendation SET wording = @Wording WHERE recommendation_id = @RecommendationId",
            new { RecommendationId = recommendationId, Wording = wording }, transaction, cancellationToken: cancellationToken));

    private static async Task AppendStatusAsync(DbConnection connection, DbTransaction transaction, string partnershipId, string reviewId,
        ReviewStatus status, string? reason, string by, DateTime atUtc, DateTime recordedUtc, CancellationToken cancellationToken)
    {
        var position = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COALESCE(MAX(position), 0) + 1 FROM case_review_status WHERE review_id = @ReviewId",
            new { ReviewId = reviewId }, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO case_review_status (partnership_id, review_id, position, status, reason, changed_by, at_utc, recorded_utc)
            VALUES (@PartnershipId, @ReviewId, @Position, @Status, @Reason, @ChangedBy, @AtUtc, @RecordedUtc)
            """, new
        {
            PartnershipId = partnershipId,
            ReviewId = reviewId,
            Position = position,
            Status = ReviewStatuses.Name(status),
            Reason = reason,
            ChangedBy = by,
            AtUtc = atUtc,
            RecordedUtc = recordedUtc,
        }, transaction, cancellationToken: cancellationToken));
    }

    private static async Task<List<RecommendationRow>> RecommendationRowsAsync(
        DbConnection connection, DbTransaction? transaction, string partnershipId, string? reviewId, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<RecommendationRow>(new CommandDefinition($"""
            SELECT recommendation_id AS RecommendationId, review_id AS ReviewId, number AS Number, wording AS Wording, match_key AS MatchKey, position AS Position
            FROM recommendation WHERE partnership_id = @PartnershipId{(reviewId is null ? "" : " AND review_id = @ReviewId")}
            ORDER BY review_id, position
            """, new { PartnershipId = partnershipId, ReviewId = reviewId }, transaction, cancellationToken: cancellationToken))).ToList();
}
