using System.Globalization;
using DeepDive.Domain.Actions;
using DeepDive.Engine.Reports;
using DeepDive.Web.Security;

namespace DeepDive.Web.Pages.Reports;

/// <summary>
/// The committee report's downloads (the same files as <c>deepdive report committee --format csv|json|html</c>) and the
/// period as the download links and the API give it: <c>from</c> and <c>to</c> as yyyy-MM-dd, both days included.
/// </summary>
public static class CommitteeExport
{
    public const string Path = "/reports/committee/export";

    /// <summary>The period <paramref name="from"/>..<paramref name="to"/>, or the problems with it keyed by parameter ("from", "to").</summary>
    public static ReportingPeriod? Period(string? from, string? to, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var start = Day(from, "from", "start", errors);
        var end = Day(to, "to", "end", errors);
        if (start is { } f && end is { } t && t < f)
        {
            errors["to"] = ["The end date must be the same as or after the start date"];
        }

        return errors.Count == 0 ? new ReportingPeriod(start!.Value, end!.Value) : null;
    }

    private static DateOnly? Day(string? text, string name, string which, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[name] = [$"Enter the {which} date, for example {(which == "start" ? "2027-04-01" : "2027-06-30")}"];
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2100)
        {
            return day;
        }

        errors[name] = [$"Enter a real date for the {which} of the period, as yyyy-MM-dd"];
        return null;
    }

    /// <summary>
    /// The report for the signed-in user (the published version whatever was asked, for a viewer); a version with case
    /// references in it is written to the access log as viewed, with how (<paramref name="via"/>).
    /// </summary>
    public static async Task<CommitteeReport> LoadAsync(CommitteeReportQuery query, Scope scope, AccessRecorder access, ReportingPeriod period,
        bool askedPublished, string via, CancellationToken cancellationToken)
    {
        var published = scope.CommitteeReportPublished(askedPublished);
        var report = await query.LoadAsync(scope.PartnershipId, period, published, cancellationToken);
        if (!published)
        {
            await access.ViewedAsync("committee-report", $"{Iso(period.From)}..{Iso(period.To)}", cancellationToken, via);
        }

        return report;
    }

    public static string Href(ReportingPeriod period, string format, bool published) =>
        $"{Path}?from={Iso(period.From)}&to={Iso(period.To)}&format={format}&published={(published ? "true" : "false")}";

    public static string FileName(CommitteeReport report, string format) =>
        $"committee-report-{Iso(report.Period.From)}-to-{Iso(report.Period.To)}{(report.Published ? "-published" : "")}.{format}";

    public static string ContentType(string format) => format switch
    {
        "csv" => "text/csv; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "html" => "text/html; charset=utf-8",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a format of the committee report"),
    };

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
