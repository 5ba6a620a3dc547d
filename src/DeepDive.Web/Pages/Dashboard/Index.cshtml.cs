using System.Globalization;
using DeepDive.Domain.Rounds;
using DeepDive.Domain.Users;
using DeepDive.Engine.Reporting;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Storage;
using DeepDive.Web.Components;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Dashboard;

/// <summary>
/// The year at a glance: rounds by status, the tasks due in a month and how many are late, the grades given and the
/// re-audits' results. Counts only, so viewers see it too; nothing here names a case.
/// </summary>
[Authorize(Policy = Policies.Read)]
public sealed class IndexModel(CurrentUser user, ProgrammeYearQuery programme, Database database, TimeProvider clock) : PageModel
{
    private static readonly string[] RoundStatuses =
        [RoundStatus.Drawing, RoundStatus.AwaitingReview, RoundStatus.SampleLocked, RoundStatus.InProgress, RoundStatus.Closed];

    private static readonly string[] GradeOrder = ["outstanding", "good", "requires-improvement", "inadequate"];

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? RequestedYear { get; set; }

    /// <summary>The month whose due tasks are shown, as yyyy-MM.</summary>
    [BindProperty(SupportsGet = true, Name = "month")]
    public string? RequestedMonth { get; set; }

    public int Year { get; private set; }

    public DateOnly Month { get; private set; }

    public bool IsCurrentMonth { get; private set; }

    public int? PreviousYear { get; private set; }

    public int? NextYear { get; private set; }

    public ProgrammeYearQuery.Year Figures { get; private set; } = null!;

    public ProgrammeYearQuery.TasksDue Tasks { get; private set; } = null!;

    public BarChart RoundsChart { get; private set; } = null!;

    public BarChart TasksChart { get; private set; } = null!;

    public BarChart GradesChart { get; private set; } = null!;

    public BarChart ReAuditsChart { get; private set; } = null!;

    /// <summary>Rounds whose draw waits for a manager (shown to managers, who review them).</summary>
    public IReadOnlyList<RoundSummary> AwaitingReview { get; private set; } = [];

    public bool IsStaff => user.Role is Role.Manager or Role.Moderator;

    public bool IsManager => user.Role == Role.Manager;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = UkTime.InZone(now);
        if (RequestedYear is { } y && y is < 2000 or > 2100)
        {
            return NotFound();
        }

        Year = RequestedYear ?? today.Year;
        if (RequestedMonth is not null)
        {
            if (!DateOnly.TryParseExact(RequestedMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) || month.Year != Year && RequestedYear is not null)
            {
                return NotFound();
            }

            Month = month;
            Year = month.Year;
        }
        else
        {
            var thisMonth = new DateOnly(today.Year, today.Month, 1);
            Month = Year == today.Year ? thisMonth : new DateOnly(Year, Year < today.Year ? 12 : 1, 1);
        }

        IsCurrentMonth = Month.Year == today.Year && Month.Month == today.Month;
        var partnership = user.PartnershipId;
        var span = await programme.RoundSpanAsync(partnership, cancellationToken);
        var first = Math.Min(span is { } s ? UkTime.InZone(s.First).Year : today.Year, today.Year);
        var last = Math.Max(span is { } l ? UkTime.InZone(l.Latest).Year : today.Year, today.Year);
        PreviousYear = Year > first ? Year - 1 : null;
        NextYear = Year < last ? Year + 1 : null;

        Figures = await programme.YearAsync(partnership, UkTime.StartOfDayUtc(new DateOnly(Year, 1, 1)), UkTime.StartOfDayUtc(new DateOnly(Year + 1, 1, 1)), cancellationToken);
        Tasks = await programme.TasksDueAsync(partnership, UkTime.StartOfDayUtc(Month), UkTime.StartOfDayUtc(Month.AddMonths(1)), now.UtcDateTime, cancellationToken);
        if (IsManager)
        {
            AwaitingReview = [.. (await RoundSummary.ListAsync(database, partnership, null, withUnassigned: false, cancellationToken))
                .Where(r => r.Status == RoundStatus.AwaitingReview)];
        }

        BuildCharts();
        return Page();
    }

    private void BuildCharts()
    {
        var statuses = RoundStatuses.Concat(Figures.RoundsByStatus.Select(r => r.Key).Where(k => !RoundStatuses.Contains(k)).Order(StringComparer.Ordinal));
        string[] roundTones = ["grey", "orange", "turquoise", "blue", "green", "purple"];
        RoundsChart = new BarChart("chart-rounds", $"Rounds started in {Year}, by status", "Status", "Rounds",
            [.. statuses.Select((status, i) => new BarChart.Bar(RoundStatusText(status), Count(Figures.RoundsByStatus, status), roundTones[i % roundTones.Length],
                IsStaff ? $"/rounds?status={status}" : null))]);
        TasksChart = new BarChart("chart-tasks", $"Tasks due in {UkTime.Month(Month)}", "Tasks", "Tasks",
        [
            new("Submitted on time", Tasks.SubmittedOnTime, "green"),
            new("Submitted late", Tasks.SubmittedLate, "orange"),
            new("Open, not yet due", Tasks.OpenNotYetDue, "blue"),
            new("Overdue, still open", Tasks.OpenOverdue, "red"),
        ]);
        var grades = GradeOrder.Concat(Figures.Grades.Select(g => g.Key).Where(k => !GradeOrder.Contains(k)).Order(StringComparer.Ordinal));
        string[] gradeTones = ["purple", "green", "orange", "red", "grey"];
        GradesChart = new BarChart("chart-grades", $"Overall grades of first audits finished in {Year}", "Grade", "Cases",
            [.. grades.Select((grade, i) => new BarChart.Bar(StatusTag.Text(grade), Count(Figures.Grades, grade), gradeTones[Math.Min(i, gradeTones.Length - 1)]))]);
        ReAuditsChart = new BarChart("chart-re-audits", $"Re-audits finished in {Year}, compared with the first audit", "Result", "Cases",
        [
            new("Improved", Count(Figures.ReAuditOutcomes, "improved"), "green"),
            new("Same", Count(Figures.ReAuditOutcomes, "same"), "blue"),
            new("Worse", Count(Figures.ReAuditOutcomes, "worse"), "red"),
        ]);
    }

    public static string RoundStatusText(string status) => status switch
    {
        RoundStatus.Drawing => "Drawing the sample",
        RoundStatus.AwaitingReview => "Sample awaiting review",
        RoundStatus.SampleLocked => "Sample locked",
        RoundStatus.InProgress => "In progress",
        RoundStatus.Closed => "Closed",
        _ => StatusTag.Text(status),
    };

    public static string MonthLink(DateOnly month) => string.Create(CultureInfo.InvariantCulture, $"/dashboard?year={month.Year}&month={month:yyyy-MM}");

    private static int Count(IReadOnlyList<ProgrammeYearQuery.Tally> tallies, string key) =>
        tallies.Where(t => t.Key == key).Sum(t => t.Count);
}
