using DeepDive.Domain.Actions;
using DeepDive.Engine.Import;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Actions;

/// <summary>
/// Imports a partnership's action plan spreadsheet (CSV: review, review_type, recommendation, action, owner_agency,
/// due_date, status, and optionally as_at; see docs/actions.md). A file with any error is rejected whole, every error
/// listed. A valid one is written in one transaction: reviews and recommendations are added as needed, an action is
/// matched on its review, recommendation and words, and its status is recorded as at the row's date only when that is
/// not already its status then, so importing the same file again changes nothing.
/// </summary>
public sealed class ActionImporter(Database database, TimeProvider clock)
{
    internal static readonly CsvColumns Columns = new(
        ["review", "review_type", "recommendation", "action", "owner_agency", "due_date", "status", "as_at"],
        ["review", "review_type", "recommendation", "action", "owner_agency", "due_date", "status"]);

    /// <summary>Who an imported status change is recorded as made by.</summary>
    public const string ImportedBy = "import";

    private const int LongestName = 200;

    private sealed record Line(
        int Number, string Review, string ReviewKey, ReviewType Type, RecommendationNumber Recommendation, string RecommendationKey,
        string Action, string OwnerAgency, DateOnly DueOn, RagStatus Status, DateOnly? AsAt);

    /// <param name="source">The file's name, recorded as where each imported status came from.</param>
    public async Task<ActionImportResult> ImportAsync(string partnershipId, TextReader csv, string source, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(partnershipId);
        ArgumentNullException.ThrowIfNull(csv);
        var table = await CsvTable.ReadAsync(csv, Columns, cancellationToken);
        var errors = new List<ImportError>(table.Errors);
        var lines = new List<Line>();
        var checks = new FileChecks();
        var today = UkTime.Today(clock);
        foreach (var row in table.Rows)
        {
            if (Read(row, today) is { } line && checks.Check(row, line))
            {
                lines.Add(line);
            }

            errors.AddRange(row.Errors);
        }

        if (errors.Count == 0 && table.Rows.Count == 0 && table.Errors.Count == 0)
        {
            errors.Add(new ImportError(1, "action", "the file has no actions; give one row per action under the header"));
        }

        if (errors.Count > 0)
        {
            return ActionImportResult.Refused(errors.OrderBy(e => e.Line).ToList());
        }

        var partnerships = new PartnershipStore(database, clock);
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            await partnerships.EnsureAsync(partnershipId, partnershipId, connection, transaction, cancellationToken);
            return await new ActionImportWriter(database, connection, transaction, partnershipId, source, clock.GetUtcNow().UtcDateTime)
                .WriteAsync(lines.Select(l => new ActionImportWriter.Item(l.Number, l.Review, l.ReviewKey, l.Type, l.Recommendation, l.RecommendationKey,
                    l.Action, l.OwnerAgency, l.DueOn, l.Status, l.AsAt)).ToList(), cancellationToken);
        }, cancellationToken);
    }

    private static Line? Read(ImportRow row, DateOnly today)
    {
        var review = row.Required("review");
        if (review.Length > LongestName)
        {
            row.Fail("review", $"the name is {review.Length} characters long; use the review's short name (at most {LongestName} characters), such as \"Sam and Kyle\"");
        }

        var typeText = row.Required("review_type");
        ReviewType type = default;
        if (typeText.Length > 0 && !ReviewTypes.TryParse(typeText, out type))
        {
            row.Fail("review_type", $"'{typeText}' is not a review type; use {ReviewTypes.NameList}");
        }

        var recommendationText = row.Required("recommendation");
        var recommendation = RecommendationNumber.Parse(recommendationText);
        var action = row.Required("action");
        var agency = row.Required("owner_agency");
        if (agency.Length > LongestName)
        {
            row.Fail("owner_agency", $"the agency is {agency.Length} characters long; at most {LongestName}");
        }

        var due = row.RequiredDate("due_date");
        var statusText = row.Required("status");
        RagStatus status = default;
        if (statusText.Length > 0 && !RagStatuses.TryParse(statusText, out status))
        {
            row.Fail("status", $"'{statusText}' is not a status; use {RagStatuses.NameList} (in any case)");
        }

        var asAt = row.OptionalDate("as_at") is { } a ? DateOnly.FromDateTime(a) : (DateOnly?)null;
        if (asAt is { } day && day > today)
        {
            row.Fail("as_at", $"{day:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}); a status cannot be dated in the future");
        }

        return row.IsValid && due is { } dueOn
            ? new Line(row.Line, review, ActionKey.Normalise(review), type, recommendation, ActionIds.RecommendationKey(recommendation), action, agency,
                DateOnly.FromDateTime(dueOn), status, asAt)
            : null;
    }

    /// <summary>What must agree between the rows of one file: no action twice, one type per review, one wording per numbered recommendation.</summary>
    private sealed class FileChecks
    {
        private readonly Dictionary<string, int> actionLine = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (ReviewType Type, int Line)> reviewType = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, string), (string Wording, int Line)> wording = [];

        public bool Check(ImportRow row, Line line)
        {
            var key = ActionIds.ReviewActionKey(line.ReviewKey, line.RecommendationKey, line.Action);
            if (!actionLine.TryAdd(key, line.Number))
            {
                row.Fail("action", $"the same action as line {actionLine[key]} (the review, recommendation and action all match); each action may appear only once in a file");
            }

            if (!reviewType.TryAdd(line.ReviewKey, (line.Type, line.Number)) && reviewType[line.ReviewKey] is var (type, first) && type != line.Type)
            {
                row.Fail("review_type", $"'{line.Review}' is a {ReviewTypes.Label(type).ToLowerInvariant()} on line {first}; a review has one type");
            }

            if (line.Recommendation.Number is { } number && line.Recommendation.Text.Length > 0)
            {
                var recommendation = (line.ReviewKey, number);
                if (!wording.TryAdd(recommendation, (line.Recommendation.Text, line.Number))
                    && wording[recommendation] is var (words, at) && ActionKey.Normalise(words) != ActionKey.Normalise(line.Recommendation.Text))
                {
                    row.Fail("recommendation", $"recommendation {number} of '{line.Review}' reads differently on line {at}; give it the same words, or only its number");
                }
            }

            return row.IsValid;
        }
    }
}
