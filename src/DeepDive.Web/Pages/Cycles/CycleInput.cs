using System.Globalization;
using System.Text.Json.Nodes;
using DeepDive.Domain.Cycles;

namespace DeepDive.Web.Pages.Cycles;

/// <summary>
/// The cycle form as posted: every field as the person typed it (numbers too, so a mistake can be shown back), lists
/// as text separated by commas. <see cref="ToJson"/> writes the cycle file the form stands for, which
/// <c>CycleFile.Parse</c> then checks, so the form and an uploaded file obey the same schema and rules.
/// </summary>
public sealed class CycleInput
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Theme { get; set; } = "";
    public string PriorityTags { get; set; } = "";

    /// <summary>months (first weekday of chosen months) or cron.</summary>
    public string ScheduleType { get; set; } = "";
    public List<string> Months { get; set; } = [];
    public string Weekday { get; set; } = "";
    public string Time { get; set; } = "";
    public string Cron { get; set; } = "";
    public string TimeZone { get; set; } = "";
    public bool WorkingDaysOnly { get; set; }

    /// <summary>"" (education audits avoid school holidays, others do not), yes or no.</summary>
    public string AvoidSchoolHolidays { get; set; } = "";

    public string SampleSize { get; set; } = "";
    public string ReserveSize { get; set; } = "";
    public string Method { get; set; } = "";
    public string StratifyBy { get; set; } = "";
    public string Allocation { get; set; } = "";
    public string Minimum { get; set; } = "";
    public string Lock { get; set; } = "";

    public string Agencies { get; set; } = "";
    public string CaseTypes { get; set; } = "";
    public string Teams { get; set; } = "";
    public string Schools { get; set; } = "";
    public List<string> AgeBands { get; set; } = [];
    public string Tags { get; set; } = "";
    public bool OpenOnly { get; set; }
    public string OpenedFrom { get; set; } = "";
    public string OpenedTo { get; set; } = "";
    public string ClosedFrom { get; set; } = "";
    public string ClosedTo { get; set; } = "";
    public bool RequireSchool { get; set; }

    public string AuditedWithinMonths { get; set; } = "";
    public string ClosedMoreThanMonths { get; set; } = "";
    public bool Siblings { get; set; }
    public List<RuleInput> Rules { get; set; } = [];

    public string AuditTool { get; set; } = "";
    public string AuditToolVersion { get; set; } = "";
    public bool Education { get; set; }
    public string TaskDeadlineWorkingDays { get; set; } = "";

    public List<string> NeedsWork { get; set; } = [];
    public string IntervalMonths { get; set; } = "";
    public bool OriginalAuditorMayReAudit { get; set; }
    public bool SameAuditYear { get; set; }
    public string AuditYearStartMonth { get; set; } = "";
    public string OutsideYear { get; set; } = "";

    public string RequiredSkills { get; set; } = "";

    public string RemindBefore { get; set; } = "";
    public string EscalateAfter { get; set; } = "";
    public string SendAt { get; set; } = "";

    /// <summary>One named exclusion rule: a case matching every list given is left out.</summary>
    public sealed class RuleInput
    {
        public string Name { get; set; } = "";
        public string Agencies { get; set; } = "";
        public string CaseTypes { get; set; } = "";
        public string Teams { get; set; } = "";
        public string Schools { get; set; } = "";
        public string AgeBands { get; set; } = "";
        public string Tags { get; set; } = "";

        public bool IsBlank => new[] { Name, Agencies, CaseTypes, Teams, Schools, AgeBands, Tags }.All(string.IsNullOrWhiteSpace);
    }

    /// <summary>A new cycle's form: the defaults a cycle file has when it leaves a field out, and no sample size yet.</summary>
    public static CycleInput New()
    {
        var input = From(new CycleDefinition { Id = "", Name = "", Theme = "", Schedule = new CycleSchedule { Months = [] }, SampleSize = 1 });
        input.ScheduleType = "months";
        input.SampleSize = "";
        return input;
    }

    /// <summary>The form for a stored cycle, every field as the cycle has it.</summary>
    public static CycleInput From(CycleDefinition cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var p = cycle.Population;
        var x = cycle.Exclusions;
        return new CycleInput
        {
            Id = cycle.Id,
            Name = cycle.Name,
            Theme = cycle.Theme,
            PriorityTags = Join(cycle.PriorityTags),
            ScheduleType = string.IsNullOrWhiteSpace(cycle.Schedule.Cron) ? "months" : "cron",
            Months = [.. (cycle.Schedule.Months ?? []).Select(Number)],
            Weekday = cycle.Schedule.Weekday,
            Time = cycle.Schedule.Time,
            Cron = cycle.Schedule.Cron ?? "",
            TimeZone = cycle.Schedule.TimeZone,
            WorkingDaysOnly = cycle.Schedule.WorkingDaysOnly,
            AvoidSchoolHolidays = cycle.Schedule.AvoidSchoolHolidays switch { true => "yes", false => "no", null => "" },
            SampleSize = Number(cycle.SampleSize),
            ReserveSize = Number(cycle.ReserveSize),
            Method = cycle.Sampling.Method,
            StratifyBy = cycle.Sampling.StratifyBy ?? "",
            Allocation = cycle.Sampling.Allocation,
            Minimum = Number(cycle.Sampling.Minimum),
            Lock = cycle.Sampling.Lock,
            Agencies = Join(p.Agencies),
            CaseTypes = Join(p.CaseTypes),
            Teams = Join(p.Teams),
            Schools = Join(p.Schools),
            AgeBands = [.. p.AgeBands ?? []],
            Tags = Join(p.Tags),
            OpenOnly = p.OpenOnly,
            OpenedFrom = Day(p.OpenedFrom),
            OpenedTo = Day(p.OpenedTo),
            ClosedFrom = Day(p.ClosedFrom),
            ClosedTo = Day(p.ClosedTo),
            RequireSchool = p.RequireSchool,
            AuditedWithinMonths = Number(x.AuditedWithinMonths),
            ClosedMoreThanMonths = x.ClosedLimit(p) is { } closed ? Number(closed) : "",
            Siblings = x.Siblings,
            Rules = [.. x.Rules.Select(r => new RuleInput
            {
                Name = r.Name,
                Agencies = Join(r.Agencies),
                CaseTypes = Join(r.CaseTypes),
                Teams = Join(r.Teams),
                Schools = Join(r.Schools),
                AgeBands = Join(r.AgeBands),
                Tags = Join(r.Tags),
            })],
            AuditTool = cycle.AuditTool,
            AuditToolVersion = Number(cycle.AuditToolVersion),
            Education = cycle.Education,
            TaskDeadlineWorkingDays = Number(cycle.TaskDeadlineWorkingDays),
            NeedsWork = [.. cycle.ReAudit.NeedsWork],
            IntervalMonths = Number(cycle.ReAudit.IntervalMonths),
            OriginalAuditorMayReAudit = cycle.ReAudit.OriginalAuditorMayReAudit,
            SameAuditYear = cycle.ReAudit.SameAuditYear,
            AuditYearStartMonth = Number(cycle.ReAudit.AuditYearStartMonth),
            OutsideYear = cycle.ReAudit.OutsideYear,
            RequiredSkills = Join(cycle.Assignment.RequiredSkills),
            RemindBefore = string.Join(", ", cycle.Chase.RemindBeforeWorkingDays.Select(Number)),
            EscalateAfter = string.Join(", ", cycle.Chase.EscalateAfterWorkingDays.Select(Number)),
            SendAt = cycle.Chase.SendAt,
        };
    }

    /// <summary>
    /// The cycle file this form stands for. A blank optional field is left out, so the cycle takes its default; a
    /// number that is not a whole number is reported in <paramref name="problems"/> (by field) and left out.
    /// </summary>
    public JsonObject ToJson(IDictionary<string, string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var root = new JsonObject();
        Text(root, "id", Id);
        Text(root, "name", Name);
        Text(root, "theme", Theme);
        List(root, "priorityTags", PriorityTags);

        var schedule = new JsonObject();
        if (ScheduleType == "cron")
        {
            Text(schedule, "cron", Cron);
            if (string.IsNullOrWhiteSpace(Cron))
            {
                problems.TryAdd(nameof(Cron), "Enter a cron expression");
            }
        }
        else if (ScheduleType == "months")
        {
            if (Months.Count == 0)
            {
                problems.TryAdd(nameof(Months), "Select at least one month");
            }
            else
            {
                Numbers(schedule, "months", Months, nameof(Months), "Months", problems);
            }

            Text(schedule, "weekday", Weekday);
            Text(schedule, "time", Time);
        }
        else
        {
            problems.TryAdd(nameof(ScheduleType), "Select how the cycle's rounds are scheduled");
        }

        Text(schedule, "timeZone", TimeZone);
        schedule["workingDaysOnly"] = WorkingDaysOnly;
        if (AvoidSchoolHolidays is "yes" or "no")
        {
            schedule["avoidSchoolHolidays"] = AvoidSchoolHolidays == "yes";
        }

        root["schedule"] = schedule;
        Whole(root, "sampleSize", SampleSize, nameof(SampleSize), "Sample size", problems);
        Whole(root, "reserveSize", ReserveSize, nameof(ReserveSize), "Reserve list size", problems);
        var sampling = new JsonObject();
        Text(sampling, "method", Method);
        if (Method == SampleDesign.Stratified)
        {
            if (string.IsNullOrWhiteSpace(StratifyBy))
            {
                problems.TryAdd(nameof(StratifyBy), "Select what to stratify the sample by");
            }

            Text(sampling, "stratifyBy", StratifyBy);
            Text(sampling, "allocation", Allocation);
            Whole(sampling, "minimum", Minimum, nameof(Minimum), "Minimum per stratum", problems);
        }

        Text(sampling, "lock", Lock);
        root["sampling"] = sampling;

        var population = new JsonObject();
        List(population, "agencies", Agencies);
        List(population, "caseTypes", CaseTypes);
        List(population, "teams", Teams);
        List(population, "schools", Schools);
        if (AgeBands.Count > 0)
        {
            population["ageBands"] = new JsonArray([.. AgeBands.Select(b => (JsonNode?)JsonValue.Create(b))]);
        }

        List(population, "tags", Tags);
        population["openOnly"] = OpenOnly;
        Text(population, "openedFrom", OpenedFrom);
        Text(population, "openedTo", OpenedTo);
        Text(population, "closedFrom", ClosedFrom);
        Text(population, "closedTo", ClosedTo);
        population["requireSchool"] = RequireSchool;
        root["population"] = population;

        var exclusions = new JsonObject();
        Whole(exclusions, "auditedWithinMonths", AuditedWithinMonths, nameof(AuditedWithinMonths), "Audited within", problems);
        Whole(exclusions, "closedMoreThanMonths", ClosedMoreThanMonths, nameof(ClosedMoreThanMonths), "Closed more than", problems);
        exclusions["siblings"] = Siblings;
        var rules = new JsonArray();
        foreach (var rule in Rules.Where(r => !r.IsBlank))
        {
            var r = new JsonObject { ["name"] = (rule.Name ?? "").Trim() };
            List(r, "agencies", rule.Agencies);
            List(r, "caseTypes", rule.CaseTypes);
            List(r, "teams", rule.Teams);
            List(r, "schools", rule.Schools);
            List(r, "ageBands", rule.AgeBands);
            List(r, "tags", rule.Tags);
            rules.Add(r);
        }

        exclusions["rules"] = rules;
        root["exclusions"] = exclusions;

        Text(root, "auditTool", AuditTool);
        Whole(root, "auditToolVersion", AuditToolVersion, nameof(AuditToolVersion), "Audit tool version", problems);
        root["education"] = Education;
        Whole(root, "taskDeadlineWorkingDays", TaskDeadlineWorkingDays, nameof(TaskDeadlineWorkingDays), "Working days for each task", problems);

        var reAudit = new JsonObject();
        if (NeedsWork.Count > 0)
        {
            reAudit["needsWork"] = new JsonArray([.. NeedsWork.Select(g => (JsonNode?)JsonValue.Create(g))]);
        }
        else
        {
            problems.TryAdd(nameof(NeedsWork), "Select the grades that need a re-audit");
        }

        Whole(reAudit, "intervalMonths", IntervalMonths, nameof(IntervalMonths), "Months until the re-audit", problems);
        reAudit["originalAuditorMayReAudit"] = OriginalAuditorMayReAudit;
        reAudit["sameAuditYear"] = SameAuditYear;
        Whole(reAudit, "auditYearStartMonth", AuditYearStartMonth, nameof(AuditYearStartMonth), "First month of the audit year", problems);
        Text(reAudit, "outsideYear", OutsideYear);
        root["reAudit"] = reAudit;

        var assignment = new JsonObject();
        List(assignment, "requiredSkills", RequiredSkills);
        root["assignment"] = assignment;

        var chase = new JsonObject();
        Numbers(chase, "remindBeforeWorkingDays", Split(RemindBefore), nameof(RemindBefore), "Reminders", problems, emptyAllowed: true);
        Numbers(chase, "escalateAfterWorkingDays", Split(EscalateAfter), nameof(EscalateAfter), "Escalations", problems, emptyAllowed: true);
        Text(chase, "sendAt", SendAt);
        root["chase"] = chase;
        return root;
    }

    private static void Text(JsonObject node, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            node[name] = value.Trim();
        }
    }

    private static void List(JsonObject node, string name, string value)
    {
        var items = Split(value);
        if (items.Count > 0)
        {
            node[name] = new JsonArray([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]);
        }
    }

    private static void Whole(JsonObject node, string name, string value, string field, string label, IDictionary<string, string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            node[name] = number;
        }
        else
        {
            problems.TryAdd(field, $"{label} must be a whole number, like 3");
        }
    }

    private static void Numbers(JsonObject node, string name, IReadOnlyList<string> values, string field, string label, IDictionary<string, string> problems,
        bool emptyAllowed = false)
    {
        var numbers = new JsonArray();
        foreach (var value in values)
        {
            if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                numbers.Add(number);
            }
            else
            {
                problems.TryAdd(field, $"{label} must be whole numbers separated by commas, like 5, 1");
                return;
            }
        }

        if (numbers.Count > 0 || emptyAllowed)
        {
            node[name] = numbers;
        }
    }

    public static IReadOnlyList<string> Split(string? value) =>
        [.. (value ?? "").Split([',', '\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string Join(IReadOnlyList<string>? values) => values is null ? "" : string.Join(", ", values);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
