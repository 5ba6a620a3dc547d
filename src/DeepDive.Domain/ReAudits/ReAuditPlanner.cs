using System.Globalization;
using DeepDive.Domain.Cycles;
using DeepDive.Domain.Grading;

namespace DeepDive.Domain.ReAudits;

/// <summary>What the re-audit rule decides for a round whose findings need work: when, or why not.</summary>
public sealed record ReAuditPlan(DateTime? DueUtc, string? Note)
{
    public bool Skipped => DueUtc is null;
}

/// <summary>Applies a cycle's <see cref="ReAuditRule"/>: which grades need work, and when their re-audit falls.</summary>
public static class ReAuditPlanner
{
    /// <summary>The local time a re-audit moved to the end of the audit year starts.</summary>
    private static readonly TimeOnly StartOfDay = new(9, 0);

    public static bool NeedsWork(Grade overall, ReAuditRule rule)
    {
        var grades = rule.NeedsWork.Select(n => GradingScale.TryParse(n, out var g) ? g : (Grade?)null).OfType<Grade>().ToList();
        return GradingScale.NeedsWork(overall, grades.Count == 0 ? null : grades);
    }

    /// <summary>
    /// The re-audit of findings closed at <paramref name="closedUtc"/>: the interval later, unless the rule keeps
    /// re-audits in the same audit year and that date is after it; then it moves to the year's last working day
    /// (09:00 in <paramref name="zone"/>), or is skipped, as the rule says, with the reason.
    /// </summary>
    /// <param name="isWorkingDay">The partnership's working days (weekends and bank holidays excluded); weekdays when null.
    /// A re-audit falling on another day opens at the same local time on the next working day.</param>
    public static ReAuditPlan Plan(DateTime closedUtc, ReAuditRule rule, TimeZoneInfo zone, Func<DateOnly, bool>? isWorkingDay = null)
    {
        isWorkingDay ??= Weekdays.IsWorkingDay;
        var (due, movedNote) = OnAWorkingDay(ReAuditComparison.DueDate(closedUtc, rule.IntervalMonths), zone, isWorkingDay);
        if (!rule.SameAuditYear)
        {
            return new ReAuditPlan(due, movedNote);
        }

        var closedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(closedUtc, zone));
        var yearStart = new DateOnly(closedOn.Month >= rule.AuditYearStartMonth ? closedOn.Year : closedOn.Year - 1, rule.AuditYearStartMonth, 1);
        var yearEnd = yearStart.AddYears(1).AddDays(-1);
        var dueOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(due, zone));
        if (dueOn <= yearEnd)
        {
            return new ReAuditPlan(due, movedNote);
        }

        var year = AuditYear(yearStart, yearEnd);
        var why = string.Create(CultureInfo.InvariantCulture, $"due {dueOn:d MMMM yyyy}, after the audit year {year} ends on {yearEnd:d MMMM yyyy}");
        if (rule.OutsideYear == ReAuditRule.Skip)
        {
            return new ReAuditPlan(null, $"not scheduled: {why}; the cycle's rule skips re-audits outside the audit year");
        }

        var last = yearEnd;
        while (!isWorkingDay(last))
        {
            last = last.AddDays(-1);
        }

        var moved = TimeZoneInfo.ConvertTimeToUtc(last.ToDateTime(StartOfDay, DateTimeKind.Unspecified), zone);
        return moved <= closedUtc
            ? new ReAuditPlan(null, $"not scheduled: {why}, and no working day of it is left")
            : new ReAuditPlan(moved, string.Create(CultureInfo.InvariantCulture, $"moved to {last:d MMMM yyyy}, the last working day of the audit year: {why}"));
    }

    private static (DateTime DueUtc, string? Note) OnAWorkingDay(DateTime dueUtc, TimeZoneInfo zone, Func<DateOnly, bool> isWorkingDay)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc), zone);
        var day = DateOnly.FromDateTime(local);
        if (isWorkingDay(day))
        {
            return (dueUtc, null);
        }

        var working = day;
        for (var i = 0; i < 366 && !isWorkingDay(working); i++)
        {
            working = working.AddDays(1);
        }

        var at = working.ToDateTime(TimeOnly.FromDateTime(local), DateTimeKind.Unspecified);
        var moved = TimeZoneInfo.ConvertTimeToUtc(zone.IsInvalidTime(at) ? at.AddHours(1) : at, zone);
        return (moved, string.Create(CultureInfo.InvariantCulture, $"moved from {day:ddd d MMMM yyyy} to {working:ddd d MMMM yyyy}, the next working day"));
    }

    private static string AuditYear(DateOnly start, DateOnly end) =>
        start.Year == end.Year ? start.Year.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{start.Year}/{end.Year % 100:00}");
}
