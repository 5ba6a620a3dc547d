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
    public required int SampleSize { get; init; }
    public SampleDesign Sampling { get; init; } = new();
    public int ReserveSize { get; init; } = 3;
    public string AuditTool { get; init; } = "multi-agency-deep-dive";
    public int AuditToolVersion { get; init; } = 1;

    /// <summary>A Safeguarding in Education audit: each school in the sample gets its own feedback.</summary>
    public bool Education { get; init; }

    public int TaskDeadlineDays { get; init; } = 20;
    public ReAuditRule ReAudit { get; init; } = new();
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
    public bool OpenOnly { get; init; } = true;

    /// <summary>When set, only cases closed no longer than this many months ago are eligible.</summary>
    public int? ClosedWithinMonths { get; init; }

    public bool RequireSchool { get; init; }
}

/// <summary>How a round draws its sample from the population.</summary>
public sealed record SampleDesign
{
    public const string Simple = "simple";
    public const string Systematic = "systematic";
    public const string Stratified = "stratified";

    /// <summary>simple (random), systematic (random start, fixed interval) or stratified.</summary>
    public string Method { get; init; } = Simple;

    /// <summary>For stratified draws: agency, case-type, team or school.</summary>
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
