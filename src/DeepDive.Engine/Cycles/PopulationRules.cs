using System.Globalization;
using System.Text.Json;

namespace DeepDive.Engine.Cycles;

/// <summary>The population filter's and exclusions' checks that a JSON schema cannot make: real dates in order, no blank values, no rule that matches nothing.</summary>
internal static class PopulationRules
{
    private static readonly (string Name, string What)[] Lists =
        [("agencies", "an agency"), ("caseTypes", "a case type"), ("teams", "a team"), ("schools", "a school")];

    public static IEnumerable<CycleFileError> Check(JsonElement root, JsonElement population, string path)
    {
        foreach (var error in Blanks(population, path))
        {
            yield return error;
        }

        foreach (var (from, to) in new[] { ("openedFrom", "openedTo"), ("closedFrom", "closedTo") })
        {
            var start = Date(population, from, path, out var startError);
            var end = Date(population, to, path, out var endError);
            if (startError is not null)
            {
                yield return startError;
            }

            if (endError is not null)
            {
                yield return endError;
            }

            if (start is { } s && end is { } e && e < s)
            {
                yield return new CycleFileError(JsonPaths.Property(path, to), $"{e:yyyy-MM-dd} is before {from} {s:yyyy-MM-dd}");
            }
        }

        var openOnly = !population.TryGetProperty("openOnly", out var open) || open.ValueKind != JsonValueKind.False;
        foreach (var name in new[] { "closedFrom", "closedTo", "closedWithinMonths" })
        {
            if (openOnly && population.TryGetProperty(name, out _))
            {
                yield return new CycleFileError(JsonPaths.Property(path, name),
                    $"'{name}' is about closed cases, but the population has open cases only; set \"openOnly\": false to include closed cases");
            }
        }

        if (population.TryGetProperty("closedWithinMonths", out _) && root.TryGetProperty("exclusions", out var exclusions)
            && exclusions.ValueKind == JsonValueKind.Object && exclusions.TryGetProperty("closedMoreThanMonths", out _))
        {
            yield return new CycleFileError(JsonPaths.Property(path, "closedWithinMonths"),
                "give either this or $.exclusions.closedMoreThanMonths, not both: they are the same rule");
        }
    }

    public static IEnumerable<CycleFileError> CheckExclusions(JsonElement root, JsonElement exclusions, string path)
    {
        if (exclusions.TryGetProperty("closedMoreThanMonths", out _)
            && !(root.TryGetProperty("population", out var population) && population.ValueKind == JsonValueKind.Object
                 && population.TryGetProperty("openOnly", out var open) && open.ValueKind == JsonValueKind.False))
        {
            yield return new CycleFileError(JsonPaths.Property(path, "closedMoreThanMonths"),
                "the population has open cases only, so no case could be closed; set \"openOnly\": false in $.population to include closed cases");
        }

        if (!exclusions.TryGetProperty("rules", out var rules) || rules.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        foreach (var rule in rules.EnumerateArray())
        {
            var rulePath = JsonPaths.Index(JsonPaths.Property(path, "rules"), i);
            if (rule.ValueKind == JsonValueKind.Object)
            {
                if (rule.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(name.GetString()))
                {
                    if (!names.TryAdd(name.GetString()!.Trim(), i))
                    {
                        yield return new CycleFileError(JsonPaths.Property(rulePath, "name"),
                            $"'{name.GetString()}' is also the name of rule [{names[name.GetString()!.Trim()]}]; each rule needs its own name for the report");
                    }
                }
                else if (name.ValueKind == JsonValueKind.String)
                {
                    yield return new CycleFileError(JsonPaths.Property(rulePath, "name"), "must not be blank: the report names each rule");
                }

                if (!new[] { "agencies", "caseTypes", "teams", "schools", "ageBands", "tags" }.Any(p => rule.TryGetProperty(p, out _)))
                {
                    yield return new CycleFileError(rulePath, "a rule needs at least one of agencies, caseTypes, teams, schools, ageBands or tags");
                }

                foreach (var error in Blanks(rule, rulePath))
                {
                    yield return error;
                }
            }

            i++;
        }
    }

    private static IEnumerable<CycleFileError> Blanks(JsonElement owner, string path)
    {
        foreach (var (name, what) in Lists)
        {
            if (owner.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                var i = 0;
                foreach (var item in list.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(item.GetString()))
                    {
                        yield return new CycleFileError(JsonPaths.Index(JsonPaths.Property(path, name), i), $"{what} must not be empty");
                    }

                    i++;
                }
            }
        }
    }

    private static DateOnly? Date(JsonElement owner, string name, string path, out CycleFileError? error)
    {
        error = null;
        if (!owner.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        // The schema's pattern already reports text that is not yyyy-MM-dd; this is a day the calendar lacks (2027-02-30).
        if (value.GetString() is { Length: 10 } text && text[4] == '-' && text[7] == '-')
        {
            error = new CycleFileError(JsonPaths.Property(path, name), $"'{text}' is not a day of the calendar");
        }

        return null;
    }
}
