using System.Globalization;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Rounds;
using DeepDive.Web.Components;

namespace DeepDive.Web.Pages.Cycles;

/// <summary>A cycle's definition in words, for its page and the list.</summary>
public static class CycleText
{
    public static string Schedule(CycleSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!string.IsNullOrWhiteSpace(schedule.Cron))
        {
            return $"By the cron expression {schedule.Cron.Trim()}";
        }

        var months = (schedule.Months ?? []).Order().Select(m => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m)).ToList();
        return $"The first {StatusTag.Text(schedule.Weekday)} of {And(months)} at {Clock(schedule.Time)}";
    }

    public static string Status(string status) => status switch
    {
        CycleStatus.Active => "Active",
        CycleStatus.Paused => "Paused",
        CycleStatus.Retired => "Retired",
        _ => StatusTag.Text(status),
    };

    public static string Sample(CycleDefinition cycle) =>
        $"{Cases(cycle.SampleSize)}, with {Cases(cycle.ReserveSize)} in reserve";

    public static string Method(SampleDesign sampling) => sampling.Method switch
    {
        SampleDesign.Stratified => $"Stratified by {(sampling.StratifyBy ?? "").Replace('-', ' ')}, "
            + (sampling.Allocation == "minimum" ? $"at least {sampling.Minimum} from each group" : "in proportion to each group's size"),
        SampleDesign.Systematic => "Systematic: a random start, then every so many cases",
        _ => "Simple random sample",
    };

    public static string Review(SampleDesign sampling) => sampling.Lock == SampleDesign.ManagerLock
        ? "A manager reviews and locks each draw before auditors are assigned"
        : "Each draw is locked straight away";

    public static string Exclusions(CycleDefinition cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var x = cycle.Exclusions;
        var parts = new List<string>();
        if (x.AuditedWithinMonths > 0)
        {
            parts.Add($"cases audited in the last {Months(x.AuditedWithinMonths)}");
        }

        if (x.ClosedLimit(cycle.Population) is { } closed)
        {
            parts.Add($"cases closed more than {Months(closed)} ago");
        }

        if (x.Siblings)
        {
            parts.Add("all but one child of each family");
        }

        parts.AddRange(x.Rules.Select(r => $"the rule '{r.Name}'"));
        return parts.Count == 0 ? "None" : char.ToUpperInvariant(parts[0][0]) + string.Join("; ", parts)[1..];
    }

    public static string Population(PopulationFilter filter) => Rounds.RoundText.Sentence(SampleReport.Describe(filter));

    public static string ReAudit(ReAuditRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var grades = And([.. rule.NeedsWork.Select(StatusTag.Text)]);
        var text = $"{grades}: re-audited after {Months(rule.IntervalMonths)}";
        text += rule.OriginalAuditorMayReAudit ? "; the first auditor may re-audit" : "; by a different auditor";
        if (rule.SameAuditYear)
        {
            var month = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(rule.AuditYearStartMonth);
            text += $"; within the audit year starting in {month}, "
                + (rule.OutsideYear == ReAuditRule.Skip ? "otherwise not re-audited" : "otherwise on its last working day");
        }

        return text;
    }

    public static string Chase(Domain.Notifications.ChasePolicy chase)
    {
        ArgumentNullException.ThrowIfNull(chase);
        static string Days(IReadOnlyList<int> days) => And([.. days.Select(N)]) + (days.Count == 1 && days[0] == 1 ? " working day" : " working days");
        var remind = chase.RemindBeforeWorkingDays.Count == 0 ? "No reminders" : $"Reminders {Days(chase.RemindBeforeWorkingDays)} before the deadline";
        var escalate = chase.EscalateAfterWorkingDays.Count == 0 ? "no escalations" : $"escalations {Days(chase.EscalateAfterWorkingDays)} after it";
        return $"{remind}; {escalate}; sent at {Clock(chase.SendAt)}";
    }

    /// <summary>A time of day as the cycle file writes it (HH:mm) in GOV.UK style: "8am".</summary>
    public static string Clock(string time) =>
        TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? UkTime.Time(new DateTimeOffset(2000, 1, 1, t.Hour, t.Minute, 0, TimeSpan.Zero))
            : time;

    public static string Cases(int n) => n == 1 ? "1 case" : $"{N(n)} cases";

    public static string Months(int n) => n == 1 ? "1 month" : $"{N(n)} months";

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string And(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };

    /// <summary>A line of the cycle's history in words.</summary>
    public static string Event(CycleEvent e) => e.Action switch
    {
        "added" => "Added",
        "edited" => "Changed",
        "paused" => "Paused",
        "resumed" => "Resumed",
        "retired" => "Retired",
        "firing-skipped" => "A round was not opened",
        _ => StatusTag.Text(e.Action),
    };

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
