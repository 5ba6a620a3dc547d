using Dapper;

namespace DeepDive.Engine.Learning;

/// <summary>One school's feedback, found by the school's name exactly (in any case), never by the start of it.</summary>
public sealed partial class LearningStore
{
    /// <summary>Every round's feedback to <paramref name="school"/>, oldest first; none when the school has none.</summary>
    public Task<IReadOnlyList<Paper>> SchoolFeedbackAsync(string partnershipId, string school, CancellationToken cancellationToken) =>
        SchoolQueryAsync(partnershipId, null, school, cancellationToken);

    /// <summary>The feedback round <paramref name="roundId"/> wrote to <paramref name="school"/>, or null when it wrote none.</summary>
    public async Task<Paper?> SchoolFeedbackAsync(string partnershipId, string roundId, string school, CancellationToken cancellationToken) =>
        (await SchoolQueryAsync(partnershipId, roundId, school, cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<Paper>> SchoolQueryAsync(string partnershipId, string? roundId, string school, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        ArgumentException.ThrowIfNullOrWhiteSpace(school);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT f.round_id AS RoundId, r.cycle_id AS CycleId, f.school AS Title, f.created_utc AS WrittenUtc, f.body AS Body
            FROM school_feedback f JOIN audit_round r ON r.round_id = f.round_id
            WHERE f.partnership_id = @PartnershipId AND LOWER(f.school) = @School{(roundId is null ? "" : " AND f.round_id = @RoundId")}
            ORDER BY f.created_utc, f.round_id
            """, new { PartnershipId = partnershipId, RoundId = roundId, School = school.Trim().ToLowerInvariant() }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToPaper())];
    }
}
