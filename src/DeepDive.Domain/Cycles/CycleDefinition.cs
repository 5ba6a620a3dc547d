namespace DeepDive.Domain.Cycles;

/// <summary>One configured audit in the programme. A round keeps the copy it started with.</summary>
public sealed record CycleDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Theme { get; init; }
    public IReadOnlyList<string> PriorityTags { get; init; } = [];
    public required CycleSchedule Schedule { get; init; }
    public PopulationFilter Population { get; init; } = new();

    /// <summary>Cases of the population left out before drawing, each rule counted in the sampling record.</summary>
    public SampleExclusions Exclusions { get; init; } = new();
    public required int SampleSize { get; init; }
    public SampleDesign Sampling { get; init; } = new();
    public int ReserveSize { get; init; } = 3;
    public string AuditTool { get; init; } = "multi-agency-deep-dive";
    public int AuditToolVersion { get; init; } = 1;

    /// <summary>A Safeguarding in Education audit: each school in the sample gets its own feedback.</summary>
    public bool Education { get; init; }

    /// <summary>Working days an auditor has for a single-agency audit (weekends, bank holidays and, where the cycle avoids them, school holidays do not count).</summary>
    public int TaskDeadlineWorkingDays { get; init; } = 15;
    public ReAuditRule ReAudit { get; init; } = new();
    public AssignmentRule Assignment { get; init; } = new();

    /// <summary>How the round's tasks are chased: reminders before the deadline, escalations after it.</summary>
    public Notifications.ChasePolicy Chase { get; init; } = new();

    /// <summary>What the round's recommendations become when it closes: proposed actions, due this long after.</summary>
    public ActionRule Actions { get; init; } = new();

    /// <summary>Whether rounds and due dates keep out of school holidays: as the schedule says, else education audits do and others do not.</summary>
    public bool AvoidsSchoolHolidays() => Schedule.AvoidSchoolHolidays ?? Education;
}

/// <summary>The actions a closing round proposes from its auditors' recommendations, for a manager to confirm or edit.</summary>
public sealed record ActionRule
{
    /// <summary>Months from the round's close to each proposed action's due date.</summary>
    public int DueAfterMonths { get; init; } = 3;
}

/// <summary>Who may audit a round's cases, beyond the rules every round keeps (agency or its skill, no conflict, capacity).</summary>
public sealed record AssignmentRule
{
    /// <summary>Skills every auditor of the round must hold, such as a theme's specialism (e.g. "exploitation").</summary>
    public IReadOnlyList<string> RequiredSkills { get; init; } = [];
}

public sealed record CycleSchedule
{
    /// <summary>A Quartz cron expression, read in <see cref="TimeZone"/>.</summary>
    public string? Cron { get; init; }

    /// <summary>Or: months (1-12), fired on the first <see cref="Weekday"/> of each at <see cref="Time"/>.</summary>
    public IReadOnlyList<int>? Months { get; init; }

    public string Weekday { get; init; } = "monday";
    public string Time { get; init; } = "09:00";
    public string TimeZone { get; init; } = "Europe/London";

    /// <summary>A firing on a weekend or bank holiday moves to the next working day (same local time); false fires on any day.</summary>
    public bool WorkingDaysOnly { get; init; } = true;

    /// <summary>Whether a firing in a school holiday moves to the next working day too; unset, education audits do and others do not.</summary>
    public bool? AvoidSchoolHolidays { get; init; }

    /// <summary>The Quartz cron expression this schedule means.</summary>
    public string ToCron()
    {
        if (!string.IsNullOrWhiteSpace(Cron))
        {
            return Cron.Trim();
        }

        var months = Months ?? throw new InvalidOperationException("A schedule needs a cron expression or months.");
        var parts = Time.Split(':');
        var day = Weekday[..3].ToUpperInvariant();
        return $"0 {int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)} {int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture)} ? {string.Join(",", months.Order())} {day}#1";
    }
}

public sealed record PopulationFilter
{
    public IReadOnlyList<string>? Agencies { get; init; }
    public IReadOnlyList<string>? CaseTypes { get; init; }
    public IReadOnlyList<string>? Teams { get; init; }
    public IReadOnlyList<string>? Schools { get; init; }

    /// <summary>Age bands of <see cref="Cases.CaseRecord.AgeBands"/>; a case without an age band is then left out.</summary>
    public IReadOnlyList<string>? AgeBands { get; init; }

    /// <summary>A case carrying any one of these tags is in the population.</summary>
    public IReadOnlyList<string>? Tags { get; init; }

    public bool OpenOnly { get; init; } = true;

    /// <summary>Opened on or after this day.</summary>
    public DateOnly? OpenedFrom { get; init; }

    /// <summary>Opened on or before this day.</summary>
    public DateOnly? OpenedTo { get; init; }

    /// <summary>Closed on or after this day (so only closed cases; needs <see cref="OpenOnly"/> false).</summary>
    public DateOnly? ClosedFrom { get; init; }

    /// <summary>Closed on or before this day (so only closed cases; needs <see cref="OpenOnly"/> false).</summary>
    public DateOnly? ClosedTo { get; init; }

    /// <summary>
    /// The older spelling of <see cref="SampleExclusions.ClosedMoreThanMonths"/>: cases closed more than this many months
    /// ago are excluded (and counted) before drawing.
    /// </summary>
    public int? ClosedWithinMonths { get; init; }

    public bool RequireSchool { get; init; }
}

/// <summary>What is left out of the population before drawing; each rule's count goes into the sampling record.</summary>
public sealed record SampleExclusions
{
    /// <summary>Cases with a deep dive in a round started this many months before the draw; 0 turns the rule off.</summary>
    public int AuditedWithinMonths { get; init; } = 12;

    /// <summary>Cases closed more than this many months before the draw.</summary>
    public int? ClosedMoreThanMonths { get; init; }

    /// <summary>At most one case per family: the family's best-ranked case for the seed stays, its siblings are excluded.</summary>
    public bool Siblings { get; init; } = true;

    /// <summary>The partnership's own named rules, e.g. cases in care proceedings.</summary>
    public IReadOnlyList<ExclusionRule> Rules { get; init; } = [];

    /// <summary>The closed-more-than limit in force: this record's, or the filter's older spelling.</summary>
    public int? ClosedLimit(PopulationFilter filter) => ClosedMoreThanMonths ?? filter.ClosedWithinMonths;
}

/// <summary>A named exclusion: a case matching every list given (any value within a list) is excluded.</summary>
public sealed record ExclusionRule
{
    public required string Name { get; init; }
    public IReadOnlyList<string>? Agencies { get; init; }
    public IReadOnlyList<string>? CaseTypes { get; init; }
    public IReadOnlyList<string>? Teams { get; init; }
    public IReadOnlyList<string>? Schools { get; init; }
    public IReadOnlyList<string>? AgeBands { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
}

/// <summary>How a round draws its sample from the population.</summary>
public sealed record SampleDesign
{
    public const string Simple = "simple";
    public const string Systematic = "systematic";
    public const string Stratified = "stratified";

    /// <summary>simple (random), systematic (random start, fixed interval) or stratified.</summary>
    public string Method { get; init; } = Simple;

    /// <summary>auto: the draw is locked at once; manager: the round waits until a manager locks it (deepdive sample lock).</summary>
    public string Lock { get; init; } = AutoLock;

    public const string AutoLock = "auto";
    public const string ManagerLock = "manager";

    /// <summary>For stratified draws: agency, case-type, team, school or age-band.</summary>
    public string? StratifyBy { get; init; }

    /// <summary>For stratified draws: proportional, or minimum (each stratum gets at least <see cref="Minimum"/>).</summary>
    public string Allocation { get; init; } = "proportional";

    public int Minimum { get; init; } = 1;
}

/// <summary>Which findings are re-audited, when, by whom, and what happens when the date falls after the audit year.</summary>
public sealed record ReAuditRule
{
    public const string EndOfYear = "end-of-year";
    public const string Skip = "skip";

    /// <summary>The overall grades whose finding needs work and is re-audited (grade names of the scale).</summary>
    public IReadOnlyList<string> NeedsWork { get; init; } = ["requires-improvement", "inadequate"];

    public int IntervalMonths { get; init; } = 3;

    /// <summary>Whether the auditor who audited the case the first time may re-audit it.</summary>
    public bool OriginalAuditorMayReAudit { get; init; } = true;

    /// <summary>Whether the re-audit must fall in the same audit year as the first finding.</summary>
    public bool SameAuditYear { get; init; }

    /// <summary>The month the audit year starts (4: April to March, the financial year).</summary>
    public int AuditYearStartMonth { get; init; } = 4;

    /// <summary>With <see cref="SameAuditYear"/>, a re-audit due after the year ends: <c>end-of-year</c> (moved to the
    /// year's last working day) or <c>skip</c> (not scheduled; the reason is recorded).</summary>
    public string OutsideYear { get; init; } = EndOfYear;
}
