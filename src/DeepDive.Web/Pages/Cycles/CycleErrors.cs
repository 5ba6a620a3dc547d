using System.Globalization;
using System.Text.RegularExpressions;
using DeepDive.Engine.Cycles;

namespace DeepDive.Web.Pages.Cycles;

/// <summary>
/// The problems a cycle file has (<see cref="CycleFileException"/>: a JSON path and a reason each), said for people:
/// against the form field the path belongs to, in GOV.UK words where the reason is a common one, or, for a path no
/// field shows, with the path in words ("Schedule, months, item 1").
/// </summary>
public static partial class CycleErrors
{
    /// <summary>A problem as the form shows it: the field's model name (or null for the summary only) and the message.</summary>
    public sealed record FormError(string? Field, string Message);

    /// <summary>Each JSON path a form field writes, its field and its label (the most specific path first).</summary>
    private static readonly (string Path, string Field, string Label, bool Choice)[] Fields =
    [
        ("$.id", nameof(CycleInput.Id), "Cycle ID", false),
        ("$.name", nameof(CycleInput.Name), "Name", false),
        ("$.theme", nameof(CycleInput.Theme), "Theme", false),
        ("$.priorityTags", nameof(CycleInput.PriorityTags), "Priority tags", false),
        ("$.schedule.cron", nameof(CycleInput.Cron), "Cron expression", false),
        ("$.schedule.months", nameof(CycleInput.Months), "Months", true),
        ("$.schedule.weekday", nameof(CycleInput.Weekday), "Day of the week", true),
        ("$.schedule.time", nameof(CycleInput.Time), "Time", false),
        ("$.schedule.timeZone", nameof(CycleInput.TimeZone), "Time zone", false),
        ("$.schedule.workingDaysOnly", nameof(CycleInput.WorkingDaysOnly), "Working days only", true),
        ("$.schedule.avoidSchoolHolidays", nameof(CycleInput.AvoidSchoolHolidays), "School holidays", true),
        ("$.schedule", nameof(CycleInput.ScheduleType), "Schedule", true),
        ("$.sampleSize", nameof(CycleInput.SampleSize), "Sample size", false),
        ("$.reserveSize", nameof(CycleInput.ReserveSize), "Reserve list size", false),
        ("$.sampling.method", nameof(CycleInput.Method), "Sampling method", true),
        ("$.sampling.stratifyBy", nameof(CycleInput.StratifyBy), "Stratify by", true),
        ("$.sampling.allocation", nameof(CycleInput.Allocation), "Allocation", true),
        ("$.sampling.minimum", nameof(CycleInput.Minimum), "Minimum per stratum", false),
        ("$.sampling.lock", nameof(CycleInput.Lock), "Review of the draw", true),
        ("$.sampling", nameof(CycleInput.StratifyBy), "Stratify by", true),
        ("$.population.agencies", nameof(CycleInput.Agencies), "Agencies", false),
        ("$.population.caseTypes", nameof(CycleInput.CaseTypes), "Case types", false),
        ("$.population.teams", nameof(CycleInput.Teams), "Teams", false),
        ("$.population.schools", nameof(CycleInput.Schools), "Schools", false),
        ("$.population.ageBands", nameof(CycleInput.AgeBands), "Age bands", true),
        ("$.population.tags", nameof(CycleInput.Tags), "Case tags", false),
        ("$.population.openOnly", nameof(CycleInput.OpenOnly), "Open cases only", true),
        ("$.population.openedFrom", nameof(CycleInput.OpenedFrom), "Opened on or after", false),
        ("$.population.openedTo", nameof(CycleInput.OpenedTo), "Opened on or before", false),
        ("$.population.closedFrom", nameof(CycleInput.ClosedFrom), "Closed on or after", false),
        ("$.population.closedTo", nameof(CycleInput.ClosedTo), "Closed on or before", false),
        ("$.population.closedWithinMonths", nameof(CycleInput.ClosedMoreThanMonths), "Closed more than", false),
        ("$.population.requireSchool", nameof(CycleInput.RequireSchool), "Cases with a school only", true),
        ("$.exclusions.auditedWithinMonths", nameof(CycleInput.AuditedWithinMonths), "Audited within", false),
        ("$.exclusions.closedMoreThanMonths", nameof(CycleInput.ClosedMoreThanMonths), "Closed more than", false),
        ("$.exclusions.siblings", nameof(CycleInput.Siblings), "Brothers and sisters", true),
        ("$.auditTool", nameof(CycleInput.AuditTool), "Audit tool", false),
        ("$.auditToolVersion", nameof(CycleInput.AuditToolVersion), "Audit tool version", false),
        ("$.education", nameof(CycleInput.Education), "Education audit", true),
        ("$.taskDeadlineWorkingDays", nameof(CycleInput.TaskDeadlineWorkingDays), "Working days for each task", false),
        ("$.reAudit.needsWork", nameof(CycleInput.NeedsWork), "Grades that need a re-audit", true),
        ("$.reAudit.intervalMonths", nameof(CycleInput.IntervalMonths), "Months until the re-audit", false),
        ("$.reAudit.originalAuditorMayReAudit", nameof(CycleInput.OriginalAuditorMayReAudit), "Original auditor", true),
        ("$.reAudit.sameAuditYear", nameof(CycleInput.SameAuditYear), "Same audit year", true),
        ("$.reAudit.auditYearStartMonth", nameof(CycleInput.AuditYearStartMonth), "First month of the audit year", true),
        ("$.reAudit.outsideYear", nameof(CycleInput.OutsideYear), "Re-audits due after the audit year", true),
        ("$.assignment.requiredSkills", nameof(CycleInput.RequiredSkills), "Skills every auditor needs", false),
        ("$.chase.remindBeforeWorkingDays", nameof(CycleInput.RemindBefore), "Reminders", false),
        ("$.chase.escalateAfterWorkingDays", nameof(CycleInput.EscalateAfter), "Escalations", false),
        ("$.chase.sendAt", nameof(CycleInput.SendAt), "Time reminders are sent", false),
    ];

    /// <summary>What to ask for when a required field is empty, where "Enter" and the label do not read well.</summary>
    private static readonly Dictionary<string, string> WhenMissing = new(StringComparer.Ordinal)
    {
        ["Cycle ID"] = "Enter a cycle ID",
        ["Name"] = "Enter a name for the cycle",
        ["Theme"] = "Enter the cycle's theme",
        ["Sample size"] = "Enter the sample size",
    };

    private static readonly Dictionary<string, string> RuleLabels = new(StringComparer.Ordinal)
    {
        ["name"] = "name", ["agencies"] = "agencies", ["caseTypes"] = "case types", ["teams"] = "teams", ["schools"] = "schools",
        ["ageBands"] = "age bands", ["tags"] = "case tags",
    };

    /// <summary>Each problem against the form field it belongs to (model names under <paramref name="prefix"/>, e.g. "Input.").</summary>
    public static IReadOnlyList<FormError> ForForm(IEnumerable<CycleFileError> errors, string prefix)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var result = new List<FormError>();
        foreach (var error in errors)
        {
            var (path, reason) = Required(error.Path, error.Reason);
            if (RulePath().Match(path) is { Success: true } rule)
            {
                var index = int.Parse(rule.Groups["index"].Value, CultureInfo.InvariantCulture);
                var property = rule.Groups["property"].Success ? rule.Groups["property"].Value : "name";
                var field = RuleLabels.ContainsKey(property) ? char.ToUpperInvariant(property[0]) + property[1..] : "Name";
                var label = $"Exclusion rule {index + 1}, {RuleLabels.GetValueOrDefault(property, property)}";
                result.Add(new FormError($"{prefix}Rules[{index}].{field}", Message(label, reason, choice: false)));
                continue;
            }

            var match = Fields.FirstOrDefault(f => path == f.Path || path.StartsWith(f.Path + ".", StringComparison.Ordinal) || path.StartsWith(f.Path + "[", StringComparison.Ordinal));
            result.Add(match.Path is null
                ? new FormError(null, $"{InWords(error.Path)}: {reason}")
                : new FormError(prefix + match.Field, Message(match.Label, reason, match.Choice)));
        }

        return result;
    }

    /// <summary>Where a field comes on the form, so the error summary lists problems top to bottom (summary-only ones last).</summary>
    public static int Order(string? field)
    {
        if (field is null)
        {
            return int.MaxValue;
        }

        var name = field.StartsWith("Input.", StringComparison.Ordinal) ? field["Input.".Length..] : field;
        if (name.StartsWith("Rules[", StringComparison.Ordinal))
        {
            name = nameof(CycleInput.Siblings);
        }

        var index = Array.IndexOf(PageOrder, name);
        return index < 0 ? int.MaxValue - 1 : index;
    }

    private static readonly string[] PageOrder =
    [
        nameof(CycleInput.Id), nameof(CycleInput.Name), nameof(CycleInput.Theme), nameof(CycleInput.PriorityTags),
        nameof(CycleInput.ScheduleType), nameof(CycleInput.Months), nameof(CycleInput.Weekday), nameof(CycleInput.Time), nameof(CycleInput.Cron),
        nameof(CycleInput.TimeZone), nameof(CycleInput.WorkingDaysOnly), nameof(CycleInput.AvoidSchoolHolidays),
        nameof(CycleInput.SampleSize), nameof(CycleInput.ReserveSize), nameof(CycleInput.Method), nameof(CycleInput.StratifyBy),
        nameof(CycleInput.Allocation), nameof(CycleInput.Minimum), nameof(CycleInput.Lock),
        nameof(CycleInput.Agencies), nameof(CycleInput.CaseTypes), nameof(CycleInput.Teams), nameof(CycleInput.Schools), nameof(CycleInput.AgeBands),
        nameof(CycleInput.Tags), nameof(CycleInput.OpenOnly), nameof(CycleInput.OpenedFrom), nameof(CycleInput.OpenedTo), nameof(CycleInput.ClosedFrom),
        nameof(CycleInput.ClosedTo), nameof(CycleInput.RequireSchool),
        nameof(CycleInput.AuditedWithinMonths), nameof(CycleInput.ClosedMoreThanMonths), nameof(CycleInput.Siblings),
        nameof(CycleInput.AuditTool), nameof(CycleInput.AuditToolVersion), nameof(CycleInput.Education), nameof(CycleInput.TaskDeadlineWorkingDays),
        nameof(CycleInput.NeedsWork), nameof(CycleInput.IntervalMonths), nameof(CycleInput.OriginalAuditorMayReAudit), nameof(CycleInput.SameAuditYear),
        nameof(CycleInput.AuditYearStartMonth), nameof(CycleInput.OutsideYear),
        nameof(CycleInput.RequiredSkills), nameof(CycleInput.RemindBefore), nameof(CycleInput.EscalateAfter), nameof(CycleInput.SendAt),
    ];

    /// <summary>Each problem with its path in words, for an uploaded file: "Schedule, months, item 1: value 13 is above the maximum of 12".</summary>
    public static IReadOnlyList<string> ForFile(IEnumerable<CycleFileError> errors) =>
        [.. errors.Select(e => $"{InWords(e.Path)}: {e.Reason}")];

    /// <summary>A JSON path in words: <c>$.exclusions.rules[1].caseTypes</c> is "Exclusions, rules, item 2, case types".</summary>
    public static string InWords(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path is "$" or "")
        {
            return "The cycle as a whole";
        }

        var words = new List<string>();
        foreach (Match part in PathPart().Matches(path))
        {
            if (part.Groups["index"].Success)
            {
                words.Add("item " + (int.Parse(part.Groups["index"].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                var name = part.Groups["name"].Success ? part.Groups["name"].Value : part.Groups["quoted"].Value;
                words.Add(CamelWords().Replace(name, " $1").ToLowerInvariant());
            }
        }

        var text = string.Join(", ", words);
        return text.Length == 0 ? path : char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>"required property 'x' is missing" at an object is a problem of its property x.</summary>
    private static (string Path, string Reason) Required(string path, string reason) =>
        RequiredProperty().Match(reason) is { Success: true } m ? ($"{path}.{m.Groups[1].Value}", "is missing") : (path, reason);

    private static string Message(string label, string reason, bool choice)
    {
        var lower = char.ToLowerInvariant(label[0]) + label[1..];
        if (reason is "is missing" or "must not be empty")
        {
            return WhenMissing.GetValueOrDefault(label) ?? (choice ? $"Select {lower}" : $"Enter {lower}");
        }

        if (DateBefore().Match(reason) is { Success: true } before
            && DateOnly.TryParseExact(before.Groups["limit"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var limitDay))
        {
            return $"{label} must be on or after {limitDay.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}";
        }

        if (Limit().Match(reason) is { Success: true } limit)
        {
            return limit.Groups["which"].Value == "minimum"
                ? $"{label} must be {limit.Groups["limit"].Value} or more"
                : $"{label} must be {limit.Groups["limit"].Value} or less";
        }

        if (label == "Cycle ID" && reason.Contains("is not valid here", StringComparison.Ordinal))
        {
            return "Cycle ID must only include lowercase letters, numbers and single hyphens, like neglect-2027";
        }

        if (Expected().Match(reason) is { Success: true } expected)
        {
            return $"{label} must be {expected.Groups[1].Value.Replace(", e.g. ", ", like ", StringComparison.Ordinal)}";
        }

        return $"{label}: {reason}";
    }

    [GeneratedRegex(@"^\$\.exclusions\.rules\[(?<index>\d+)\](?:\.(?<property>[A-Za-z]+))?")]
    private static partial Regex RulePath();

    [GeneratedRegex(@"\.(?<name>[A-Za-z_$][A-Za-z0-9_$]*)|\['(?<quoted>[^']*)'\]|\[(?<index>\d+)\]")]
    private static partial Regex PathPart();

    [GeneratedRegex("([A-Z])")]
    private static partial Regex CamelWords();

    [GeneratedRegex(@"^required property '([^']+)' is missing$")]
    private static partial Regex RequiredProperty();

    [GeneratedRegex(@"^value \S+ is (?:below|above) the (?<which>minimum|maximum) of (?<limit>\S+)$")]
    private static partial Regex Limit();

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d is before \w+ (?<limit>\d{4}-\d\d-\d\d)$")]
    private static partial Regex DateBefore();

    [GeneratedRegex(@"is not valid here: expected (.+)$")]
    private static partial Regex Expected();
}
