using DeepDive.Domain.Actions;
using DeepDive.Engine.Actions;
using DeepDive.Web.Components;

namespace DeepDive.Web.Pages.Actions;

/// <summary>How actions and reviews read on the pages: RAG tags (blue reads "Complete"), review statuses, sources, history.</summary>
public static class ActionText
{
    /// <summary>"Red", "Amber", "Green", "Complete".</summary>
    public static string Status(RagStatus status) => status == RagStatus.Blue ? "Complete" : RagStatuses.Label(status);

    public static string Status(RagStatus? status) => status is { } s ? Status(s) : "Proposed";

    public static string TagClass(RagStatus? status) => "govuk-tag " + status switch
    {
        RagStatus.Red => "govuk-tag--red",
        RagStatus.Amber => "govuk-tag--orange",
        RagStatus.Green => "govuk-tag--green",
        RagStatus.Blue => "govuk-tag--blue",
        _ => "govuk-tag--grey",
    };

    public static string ReviewTagClass(ReviewStatus status) => "govuk-tag " + status switch
    {
        ReviewStatus.Scoping => "govuk-tag--grey",
        ReviewStatus.InProgress => "govuk-tag--blue",
        ReviewStatus.OnHold => "govuk-tag--orange",
        ReviewStatus.AwaitingSignOff => "govuk-tag--purple",
        _ => "govuk-tag--green",
    };

    /// <summary>The radio choices of a status change: each with what it means.</summary>
    public static IEnumerable<KeyValuePair<string, string>> StatusChoices =>
        RagStatuses.All.Select(s => KeyValuePair.Create(RagStatuses.Name(s), $"{Status(s)}: {RagStatuses.Meaning(s)}"));

    public static IEnumerable<KeyValuePair<string, string>> ReviewStatusChoices =>
        ReviewStatuses.All.Select(s => KeyValuePair.Create(ReviewStatuses.Name(s), ReviewStatuses.Label(s)));

    /// <summary>Where the action comes from: "Sam and Kyle, recommendation 1.2 ...", or the audit round.</summary>
    public static string Source(PlanAction action) => action.Source == ActionSource.CaseReview
        ? $"{action.ReviewName}, recommendation {action.RecommendationText}"
        : action.RecommendationText;

    /// <summary>Who made a change: "Automatic" for the engine, "Imported from a spreadsheet" for an import.</summary>
    public static string Who(ActionStatusEntry entry) => entry.Automatic
        ? "Automatic"
        : entry.ChangedBy == ActionImporter.ImportedBy ? "Imported from a spreadsheet" : entry.ChangedBy;

    /// <summary>"7 July 2027 at 9:30am".</summary>
    public static string At(DateTime utc) => Components.UkTime.At(Components.UkTime.InZone(utc));

    public static string Date(DateOnly? day) => day is { } d ? Components.UkTime.Date(d) : "Not recorded";

    /// <summary>"384 days (about 1 year and 1 month)", or "Not published yet".</summary>
    public static string TimeToPublication(CaseReview review)
    {
        if (review.DaysToPublication is not { } days)
        {
            return review.PublishedOn is null ? "Not published yet" : "Incident date not recorded";
        }

        var months = (int)Math.Round(days / 30.44);
        var about = months switch
        {
            < 1 => "",
            < 12 => $" (about {Counted.Of(months, "month", "months")})",
            _ => $" (about {Counted.Of(months / 12, "year", "years")}{(months % 12 == 0 ? "" : " and " + Counted.Of(months % 12, "month", "months"))})",
        };
        return Counted.Of(days, "day", "days") + about;
    }

    /// <summary>"3 actions: 1 red, 2 green", leaving out statuses with none.</summary>
    public static string Counts(IReadOnlyDictionary<RagStatus, int> counts)
    {
        var total = counts.Values.Sum();
        if (total == 0)
        {
            return "No actions";
        }

        var parts = RagStatuses.All.Where(s => counts.GetValueOrDefault(s) > 0).Select(s => $"{counts[s]} {Status(s).ToLowerInvariant()}");
        return $"{Counted.Of(total, "action", "actions")}: {string.Join(", ", parts)}";
    }
}
