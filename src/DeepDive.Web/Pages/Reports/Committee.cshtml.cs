using DeepDive.Domain.Actions;
using DeepDive.Engine.Reports;
using DeepDive.Web.Components;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Reports;

/// <summary>
/// The report to the scrutiny committee for a period, as a page that prints on A4: the engine's report
/// (<see cref="CommitteeReportQuery"/>) shown as it is, its ScottPlot charts with their figures in tables, and the same
/// report to download as CSV, JSON or one HTML file. A viewer always gets the published version.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class CommitteeModel(CommitteeReportQuery query, Scope scope, AccessRecorder access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "published")]
    public bool Published { get; set; }

    public CommitteeReport? Report { get; private set; }

    /// <summary>The chart of actions by status per review (SVG), or null when no review or round has actions.</summary>
    public string? ActionsChart { get; private set; }

    /// <summary>The chart of grades (SVG), or null when there are none or the published version hides a count.</summary>
    public string? GradesChart { get; private set; }

    /// <summary>Whether this reader only ever gets the published version (a viewer).</summary>
    public bool PublishedOnly => scope.CommitteeReportPublished(asked: false);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (From.IsEmpty && To.IsEmpty)
        {
            Published = PublishedOnly;
            return;
        }

        if (Read() is { } period)
        {
            await ShowAsync(period, cancellationToken);
        }
    }

    /// <summary>The report as a file, the same as the command line writes: <c>?from=yyyy-MM-dd&amp;to=yyyy-MM-dd&amp;format=csv|json|html&amp;published=</c>.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? from, string? to, string? format, CancellationToken cancellationToken)
    {
        if (format is null || !CommitteeReportFormats.Names.Contains(format))
        {
            throw new NotFoundException("committee report format");
        }

        var period = CommitteeExport.Period(from, to, out var errors);
        if (period is null)
        {
            // A link edited by hand: the form again, with what was wrong against its date.
            (From, To) = (new DateInput(), new DateInput());
            foreach (var (key, messages) in errors)
            {
                ModelState.AddModelError(key == "from" ? nameof(From) : nameof(To), messages[0]);
            }

            return Page();
        }

        var report = await CommitteeExport.LoadAsync(query, scope, access, period, Published, $"downloaded as {format}", cancellationToken);
        Response.Headers.CacheControl = "no-store";
        return File(System.Text.Encoding.UTF8.GetBytes(CommitteeReportFormats.Render(report, format)), CommitteeExport.ContentType(format),
            CommitteeExport.FileName(report, format));
    }

    public string DownloadHref(string format) => CommitteeExport.Href(Report!.Period, format, Report.Published);

    private async Task ShowAsync(ReportingPeriod period, CancellationToken cancellationToken)
    {
        Report = await CommitteeExport.LoadAsync(query, scope, access, period, Published, "in the web page", cancellationToken);
        Published = Report.Published;
        ActionsChart = CommitteeCharts.ActionsByReview(Report);
        GradesChart = CommitteeCharts.Grades(Report);
    }

    /// <summary>The period the two date inputs give, or null with their errors in model state.</summary>
    private ReportingPeriod? Read()
    {
        var from = Day(From, nameof(From), "start");
        var to = Day(To, nameof(To), "end");
        if (from is { } f && to is { } t && t < f)
        {
            ModelState.AddModelError(nameof(To), "The end date must be the same as or after the start date");
        }

        return ModelState.IsValid && from is not null && to is not null ? new ReportingPeriod(from.Value, to.Value) : null;
    }

    private DateOnly? Day(DateInput input, string key, string which)
    {
        var (day, error) = input.Read(which == "start" ? "Start date" : "End date");
        if (error is null)
        {
            return day;
        }

        // All three boxes filled in, yet no date: 31 June, month 13.
        var filled = !string.IsNullOrWhiteSpace(input.Day) && !string.IsNullOrWhiteSpace(input.Month) && !string.IsNullOrWhiteSpace(input.Year);
        ModelState.AddModelError(key, filled ? $"Enter a real date for the {which} of the period" : error);
        return null;
    }
}
