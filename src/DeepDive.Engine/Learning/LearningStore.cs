using Dapper;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Learning;

/// <summary>
/// Reads the learning briefs and the schools' feedback that closed rounds wrote. A round that does not exist, or has no
/// brief or feedback (yet), is refused with an <see cref="ArgumentException"/> that says which and why.
/// </summary>
public sealed partial class LearningStore(Database database)
{
    /// <summary>A brief or a school's feedback: the round and cycle it comes from, when it was written, and its Markdown.</summary>
    public sealed record Paper(string RoundId, string CycleId, string Title, DateTime WrittenUtc, string Body);

    private sealed class Row
    {
        public string RoundId { get; set; } = "";
        public string CycleId { get; set; } = "";
        public string Title { get; set; } = "";
        public DateTime WrittenUtc { get; set; }
        public string Body { get; set; } = "";

        public Paper ToPaper() => new(RoundId, CycleId, Title, WrittenUtc, Body);
    }

    /// <summary>Every learning brief of the partnership, oldest first.</summary>
    public Task<IReadOnlyList<Paper>> BriefsAsync(string partnershipId, CancellationToken cancellationToken) =>
        BriefsAsync(partnershipId, null, cancellationToken);

    /// <summary>The round's learning brief.</summary>
    public async Task<Paper> BriefAsync(string partnershipId, string roundId, CancellationToken cancellationToken)
    {
        var status = await RoundStatusAsync(partnershipId, roundId, "brief list", cancellationToken);
        return (await BriefsAsync(partnershipId, roundId, cancellationToken)).SingleOrDefault() ?? throw new ArgumentException(
            $"Round '{roundId}' has no learning brief yet: a round writes its brief when it closes, and it is {status}.");
    }

    /// <summary>The schools' feedback, of one round or of every round, by round then school; the title is the school.</summary>
    public async Task<IReadOnlyList<Paper>> FeedbackAsync(string partnershipId, string? roundId, CancellationToken cancellationToken)
    {
        if (roundId is not null)
        {
            await RoundStatusAsync(partnershipId, roundId, "feedback list", cancellationToken);
        }

        return await QueryAsync($"""
            SELECT f.round_id AS RoundId, r.cycle_id AS CycleId, f.school AS Title, f.created_utc AS WrittenUtc, f.body AS Body
            FROM school_feedback f JOIN audit_round r ON r.round_id = f.round_id
            WHERE f.partnership_id = @PartnershipId{(roundId is null ? "" : " AND f.round_id = @RoundId")}
            ORDER BY f.created_utc, f.round_id, f.school
            """, partnershipId, roundId, cancellationToken);
    }

    /// <summary>One school's feedback from the round (the school's full name, any case, or the start of it when only one school matches), or every school's.</summary>
    public async Task<IReadOnlyList<Paper>> FeedbackAsync(string partnershipId, string roundId, string? school, CancellationToken cancellationToken)
    {
        var all = await FeedbackAsync(partnershipId, roundId, cancellationToken);
        if (all.Count == 0)
        {
            throw new ArgumentException(
                $"Round '{roundId}' has no school feedback: only a Safeguarding in Education audit writes feedback to schools, when its round closes.");
        }

        if (school is null)
        {
            return all;
        }

        var exact = all.Where(f => string.Equals(f.Title, school, StringComparison.OrdinalIgnoreCase)).ToList();
        var matches = exact.Count > 0 ? exact : all.Where(f => f.Title.StartsWith(school, StringComparison.OrdinalIgnoreCase)).ToList();
        return matches.Count switch
        {
            1 => matches,
            0 => throw new ArgumentException($"Round '{roundId}' has no feedback for a school '{school}'. Its schools: {string.Join("; ", all.Select(f => f.Title))}."),
            _ => throw new ArgumentException($"'{school}' matches {matches.Count} schools of round '{roundId}': {string.Join("; ", matches.Select(f => f.Title))}. Give more of the name."),
        };
    }

    private Task<IReadOnlyList<Paper>> BriefsAsync(string partnershipId, string? roundId, CancellationToken cancellationToken) =>
        QueryAsync($"""
            SELECT b.round_id AS RoundId, r.cycle_id AS CycleId, b.title AS Title, b.created_utc AS WrittenUtc, b.body AS Body
            FROM learning_brief b JOIN audit_round r ON r.round_id = b.round_id
            WHERE b.partnership_id = @PartnershipId{(roundId is null ? "" : " AND b.round_id = @RoundId")}
            ORDER BY b.created_utc, b.round_id
            """, partnershipId, roundId, cancellationToken);

    private async Task<string> RoundStatusAsync(string partnershipId, string roundId, string listCommand, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
                "SELECT status FROM audit_round WHERE partnership_id = @PartnershipId AND round_id = @RoundId",
                new { PartnershipId = partnershipId, RoundId = roundId }, cancellationToken: cancellationToken))
            ?? throw new ArgumentException($"There is no round '{roundId}' in partnership '{partnershipId}'; 'deepdive {listCommand}' shows the rounds that have one.");
    }

    private async Task<IReadOnlyList<Paper>> QueryAsync(string sql, string partnershipId, string? roundId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { PartnershipId = partnershipId, RoundId = roundId }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToPaper()).ToList();
    }
}
