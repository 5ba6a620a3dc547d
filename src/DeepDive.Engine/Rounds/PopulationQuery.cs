using Dapper;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Rounds;

/// <summary>
/// The SQL of a cycle's population as at a time: the filter, and each exclusion as a condition in the order it is
/// applied (named rules, closed long ago, audited recently), so that every case left out is counted once, under the
/// first rule that excludes it. Every value is a parameter; the filtering stays in the database.
/// </summary>
internal sealed class PopulationQuery
{
    private readonly ISqlDialect dialect;
    private readonly List<string> filter = [];
    private readonly List<(string Label, string Condition)> exclusions = [];

    public PopulationQuery(ISqlDialect dialect, string partnershipId, PopulationFilter population, SampleExclusions excluded, DateTime asAtUtc)
    {
        this.dialect = dialect;
        Parameters.Add("PartnershipId", partnershipId);
        Parameters.Add("AsAt", asAtUtc);
        filter.Add("c.partnership_id = @PartnershipId");
        filter.Add("c.opened_on <= @AsAt");
        AddMatch(filter, "", population.Agencies, population.CaseTypes, population.Teams, population.Schools, population.AgeBands, population.Tags);
        if (population.OpenOnly)
        {
            filter.Add("(c.closed_on IS NULL OR c.closed_on > @AsAt)");
        }

        AddDay(filter, "c.opened_on >=", "OpenedFrom", population.OpenedFrom, 0);
        AddDay(filter, "c.opened_on <", "OpenedBefore", population.OpenedTo, 1);
        AddDay(filter, "c.closed_on >=", "ClosedFrom", population.ClosedFrom, 0);
        AddDay(filter, "c.closed_on <", "ClosedBefore", population.ClosedTo, 1);
        if (population.RequireSchool)
        {
            filter.Add("c.school IS NOT NULL");
        }

        for (var i = 0; i < excluded.Rules.Count; i++)
        {
            var rule = excluded.Rules[i];
            var match = new List<string>();
            AddMatch(match, $"R{i}", rule.Agencies, rule.CaseTypes, rule.Teams, rule.Schools, rule.AgeBands, rule.Tags);
            exclusions.Add((RuleLabel(rule.Name), "(" + string.Join(" AND ", match) + ")"));
        }

        if (excluded.ClosedLimit(population) is { } closedMonths)
        {
            Parameters.Add("ClosedSince", asAtUtc.AddMonths(-closedMonths));
            exclusions.Add((ClosedLabel(closedMonths), "(c.closed_on IS NOT NULL AND c.closed_on < @ClosedSince)"));
        }

        if (excluded.AuditedWithinMonths > 0)
        {
            Parameters.Add("AuditedSince", asAtUtc.AddMonths(-excluded.AuditedWithinMonths));
            // Not correlated: read once into a hashed set. Correlated (EXISTS per case), PostgreSQL's estimate for the
            // draw's stream (which selects the condition rather than filtering on it) rose past its JIT thresholds, and
            // compiling cost more than the draw.
            exclusions.Add((AuditedLabel(excluded.AuditedWithinMonths), """
                (c.case_ref IN (SELECT d.case_ref FROM deep_dive d JOIN audit_round r ON r.round_id = d.round_id
                                WHERE d.partnership_id = @PartnershipId AND r.started_utc >= @AuditedSince))
                """));
        }
    }

    public DynamicParameters Parameters { get; } = new();

    /// <summary>The filter alone: every case the population's definition matches, before exclusions.</summary>
    public string Matched => string.Join(" AND ", filter);

    /// <summary>Matched and not excluded by any rule.</summary>
    public string Eligible => string.Join(" AND ", filter.Concat(exclusions.Select(e => "NOT " + e.Condition)));

    /// <summary>The exclusions' labels, in the order they are applied.</summary>
    public IReadOnlyList<string> Labels => exclusions.Select(e => e.Label).ToList();

    /// <summary>-1 for an eligible case, else the index of the first exclusion that leaves it out (an integer).</summary>
    public string ExcludedBy => exclusions.Count == 0
        ? "-1"
        : "CASE " + string.Concat(exclusions.Select((e, i) => $"WHEN {e.Condition} THEN {i} ")) + "ELSE -1 END";

    /// <summary>'' for an eligible case, else the index of the first exclusion that leaves it out (as text).</summary>
    public string Reason => exclusions.Count == 0
        ? "''"
        : "CASE " + string.Concat(exclusions.Select((e, i) => $"WHEN {e.Condition} THEN '{i}' ")) + "ELSE '' END";

    public static string RuleLabel(string name) => $"excluded by the rule '{name}'";

    public static string ClosedLabel(int months) => $"closed more than {months} months ago";

    public static string AuditedLabel(int months) => $"audited in the last {months} months";

    public const string SiblingLabel = "a sibling is ranked ahead of them in the same family (one case per family)";

    /// <summary>Adds one condition per list given: the column is one of the values (tags: the case carries any of them).</summary>
    private void AddMatch(List<string> into, string prefix, IReadOnlyList<string>? agencies, IReadOnlyList<string>? caseTypes,
        IReadOnlyList<string>? teams, IReadOnlyList<string>? schools, IReadOnlyList<string>? ageBands, IReadOnlyList<string>? tags)
    {
        foreach (var (column, name, values) in new[]
        {
            ("c.agency", "Agencies", agencies), ("c.case_type", "CaseTypes", caseTypes), ("c.team", "Teams", teams),
            ("c.school", "Schools", schools), ("c.age_band", "AgeBands", ageBands),
        })
        {
            if (values is { Count: > 0 })
            {
                Parameters.Add(prefix + name, values.ToArray());
                into.Add(dialect.InList(column, "@" + prefix + name));
            }
        }

        if (tags is { Count: > 0 })
        {
            var any = new List<string>();
            for (var i = 0; i < tags.Count; i++)
            {
                Parameters.Add($"{prefix}Tag{i}", CaseTags.Pattern(tags[i]));
                any.Add($"c.tags LIKE @{prefix}Tag{i}");
            }

            into.Add("(" + string.Join(" OR ", any) + ")");
        }
    }

    /// <summary>A day bound: the day's start in UTC, or the next day's start for an inclusive upper bound.</summary>
    private void AddDay(List<string> into, string comparison, string name, DateOnly? day, int addDays)
    {
        if (day is { } d)
        {
            Parameters.Add(name, d.AddDays(addDays).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            into.Add($"{comparison} @{name}");
        }
    }
}
