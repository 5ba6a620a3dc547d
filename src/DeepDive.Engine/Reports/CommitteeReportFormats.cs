using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using DeepDive.Domain.Actions;

namespace DeepDive.Engine.Reports;

/// <summary>The committee report's formats: the printable HTML, a CSV of its actions, and JSON of everything the HTML shows.</summary>
public static class CommitteeReportFormats
{
    public static IReadOnlyList<string> Names { get; } = ["html", "csv", "json"];

    public static string Render(CommitteeReport report, string format) => format switch
    {
        "html" => CommitteeReportHtml.Render(report),
        "csv" => Csv(report),
        "json" => Json(report),
        _ => throw new ArgumentException($"Unknown report format '{format}': use {string.Join(", ", Names)}."),
    };

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Read by people and programs, never put into HTML: apostrophes and the like stay as they are.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Everything the HTML shows, as data.</summary>
    public static string Json(CommitteeReport report) => JsonSerializer.Serialize(report, JsonOptions) + "\n";

    /// <summary>One row per action the report counts, with its status at the period's end; no case reference when published.</summary>
    public static string Csv(CommitteeReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string[] header =
        [
            "review", "review_type", "recommendation", "action", "action_id", "owner_agency", "owner", "due_date", "status", "status_since",
            "overdue", "latest_update", "updated_by", "evidence", "recovery_plan", .. report.Published ? Array.Empty<string>() : ["case_ref"],
        ];
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, null, leaveOpen: true))
        {
            csv.WriteHeader(header);
            var rows = report.Reviews.SelectMany(r => r.Actions.Select(a => (Review: r.Name, Type: r.Type, Action: a)))
                .Concat(report.Rounds.SelectMany(r => r.Actions.Select(a => (Review: $"{r.CycleName}, round {r.RoundId}", Type: "Audit round", Action: a))));
            foreach (var (review, type, action) in rows)
            {
                var update = action.LatestUpdate;
                string[] values =
                [
                    review, type, action.Recommendation, action.Action, action.ActionId, action.OwnerAgency, action.OwnerName ?? "",
                    action.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), RagStatuses.Name(action.Status),
                    action.StatusSince.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), action.OverdueAtEnd ? "yes" : "no",
                    update.Comment ?? "", update.Automatic ? "automatic" : update.By, update.Evidence ?? action.Evidence ?? "", action.RecoveryPlan ?? "",
                    .. report.Published ? Array.Empty<string>() : [action.CaseRef ?? ""],
                ];
                csv.WriteRecord(values);
            }
        }

        return text.ToString();
    }
}
