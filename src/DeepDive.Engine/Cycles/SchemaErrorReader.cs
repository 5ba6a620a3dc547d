using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace DeepDive.Engine.Cycles;

/// <summary>
/// Reads JsonSchema.Net's hierarchical results into plain sentences. The library's own messages name neither the
/// limit nor the property ("Value should have at least 1 items") and say nothing for a failed anyOf or not, so the
/// reason is written here from the keyword, the schema's value for it and the value in the file.
/// </summary>
internal sealed class SchemaErrorReader(JsonElement schemaRoot, JsonElement instanceRoot)
{
    private readonly List<(IReadOnlyList<string> Location, string Reason)> found = [];

    public IEnumerable<CycleFileError> Read(EvaluationResults results)
    {
        Walk(results);
        return found.Select(f => new CycleFileError(JsonPaths.FromSegments(f.Location, instanceRoot), f.Reason));
    }

    private void Walk(EvaluationResults node)
    {
        if (node.IsValid)
        {
            return;
        }

        var evaluation = JsonPaths.Segments(node.EvaluationPath.ToString());
        var location = JsonPaths.Segments(node.InstanceLocation.ToString());
        if (evaluation is [.., "additionalProperties"])
        {
            found.Add((location, UnknownProperty(location)));
            return;
        }

        var schema = SchemaAt(location);
        var value = JsonPaths.Find(instanceRoot, location);
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            Describe(keyword, message, schema, value, location);
        }

        var anyOf = new List<EvaluationResults>();
        EvaluationResults? not = null;
        foreach (var child in node.Details ?? [])
        {
            var childPath = JsonPaths.Segments(child.EvaluationPath.ToString());
            switch (childPath.Count > evaluation.Count ? childPath[evaluation.Count] : "")
            {
                case "anyOf" or "oneOf":
                    anyOf.Add(child);
                    break;
                case "not":
                    not = child;
                    break;
                default:
                    Walk(child);
                    break;
            }
        }

        if (anyOf.Count > 0 && anyOf.All(c => !c.IsValid))
        {
            found.Add((location, NoneOf(schema)));
        }

        if (not is { IsValid: true })
        {
            found.Add((location, Forbidden(schema)));
        }
    }

    private void Describe(string keyword, string libraryMessage, JsonElement? schema, JsonElement? value, IReadOnlyList<string> location)
    {
        var limit = schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty(keyword, out var l) ? l : (JsonElement?)null;
        switch (keyword)
        {
            case "required" when limit is { ValueKind: JsonValueKind.Array } names && value is { ValueKind: JsonValueKind.Object } obj:
                foreach (var name in names.EnumerateArray().Select(n => n.GetString()!).Where(n => !obj.TryGetProperty(n, out _)))
                {
                    found.Add((location, $"required property '{name}' is missing"));
                }

                return;
            case "type" when limit is not null && value is not null:
                found.Add((location, $"expected {Expected(limit.Value)} but found {Found(value.Value)}"));
                return;
            case "minimum" when limit is not null && value is not null:
                found.Add((location, $"value {value.Value.GetRawText()} is below the minimum of {limit.Value.GetRawText()}"));
                return;
            case "maximum" when limit is not null && value is not null:
                found.Add((location, $"value {value.Value.GetRawText()} is above the maximum of {limit.Value.GetRawText()}"));
                return;
            case "minLength" when limit is not null:
                found.Add((location, limit.Value.GetInt32() == 1 ? "must not be empty" : $"must be at least {limit.Value.GetRawText()} characters long"));
                return;
            case "maxLength" when limit is not null && value is { ValueKind: JsonValueKind.String } text:
                found.Add((location, $"is {text.GetString()!.Length} characters long; the most allowed is {limit.Value.GetRawText()}"));
                return;
            case "minItems" when limit is not null:
                found.Add((location, limit.Value.GetInt32() == 1 ? "must list at least one value" : $"must list at least {limit.Value.GetRawText()} values"));
                return;
            case "maxItems" when limit is not null:
                found.Add((location, $"must list at most {limit.Value.GetRawText()} values"));
                return;
            case "uniqueItems" when value is { ValueKind: JsonValueKind.Array } array:
                Duplicates(array, location);
                return;
            case "enum" when limit is { ValueKind: JsonValueKind.Array } allowed && value is not null:
                found.Add((location, $"{Show(value.Value)} is not one of: {string.Join(", ", allowed.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String ? a.GetString() : a.GetRawText()))}"));
                return;
            case "pattern" when value is not null:
                var form = schema!.Value.TryGetProperty("description", out var d) ? d.GetString() : $"text matching {limit?.GetString()}";
                found.Add((location, $"{Show(value.Value)} is not valid here: expected {form}"));
                return;
            default:
                found.Add((location, libraryMessage));
                return;
        }
    }

    private void Duplicates(JsonElement array, IReadOnlyList<string> location)
    {
        var items = array.EnumerateArray().ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var first = items.FindIndex(0, i, earlier => JsonElement.DeepEquals(earlier, items[i]));
            if (first >= 0)
            {
                found.Add(([.. location, i.ToString(CultureInfo.InvariantCulture)], $"{Show(items[i])} is listed twice (also at [{first}])"));
            }
        }
    }

    private string UnknownProperty(IReadOnlyList<string> location)
    {
        var name = location[^1];
        var known = SchemaAt(location.Take(location.Count - 1).ToList()) is { ValueKind: JsonValueKind.Object } parent
            && parent.TryGetProperty("properties", out var properties)
                ? properties.EnumerateObject().Select(p => p.Name).Where(n => n != "$schema").ToList()
                : [];
        var closest = known.MinBy(k => Distance(k, name));
        if (closest is not null && Distance(closest, name) <= Math.Max(2, name.Length / 4))
        {
            return $"unknown property '{name}' (did you mean '{closest}'?)";
        }

        return known.Count == 0 ? $"unknown property '{name}'" : $"unknown property '{name}'; allowed here: {string.Join(", ", known)}";
    }

    private string NoneOf(JsonElement? schema)
    {
        var names = RequiredNames(schema, "anyOf") ?? RequiredNames(schema, "oneOf");
        return names is null ? "does not match any of the allowed forms" : $"needs either {string.Join(" or ", names.Select(n => $"'{n}'"))}";
    }

    private string Forbidden(JsonElement? schema)
    {
        if (schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("not", out var not)
            && Deref(not).TryGetProperty("required", out var required) && required.GetArrayLength() > 1)
        {
            var names = required.EnumerateArray().Select(n => $"'{n.GetString()}'").ToList();
            return $"give either {string.Join(" or ", names)}, not both";
        }

        return "is in a form that is not allowed";
    }

    /// <summary>The names when every branch of the composite only requires one property, as in "cron or months".</summary>
    private List<string>? RequiredNames(JsonElement? schema, string keyword)
    {
        if (schema is not { ValueKind: JsonValueKind.Object } s || !s.TryGetProperty(keyword, out var branches))
        {
            return null;
        }

        var names = new List<string>();
        foreach (var branch in branches.EnumerateArray().Select(Deref))
        {
            if (!branch.TryGetProperty("required", out var required) || required.GetArrayLength() != 1)
            {
                return null;
            }

            names.Add(required[0].GetString()!);
        }

        return names;
    }

    /// <summary>The schema that applies at an instance location; this schema composes only by properties, items and $ref.</summary>
    private JsonElement? SchemaAt(IReadOnlyList<string> location)
    {
        var schema = Deref(schemaRoot);
        foreach (var segment in location)
        {
            if (schema.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (schema.TryGetProperty("properties", out var properties) && properties.TryGetProperty(segment, out var property))
            {
                schema = Deref(property);
            }
            else if (schema.TryGetProperty("items", out var items) && int.TryParse(segment, out _))
            {
                schema = Deref(items);
            }
            else
            {
                return null;
            }
        }

        return schema;
    }

    private JsonElement Deref(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference)
            && reference.GetString() is { } target && target.StartsWith("#/", StringComparison.Ordinal))
        {
            schema = JsonPaths.Find(schemaRoot, JsonPaths.Segments(target))
                ?? throw new InvalidOperationException($"The cycle schema refers to {target}, which it does not define.");
        }

        return schema;
    }

    private static string Expected(JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? string.Join(" or ", type.EnumerateArray().Select(t => TypeName(t.GetString())))
        : TypeName(type.GetString());

    private static string TypeName(string? type) => type switch
    {
        "integer" => "a whole number",
        "number" => "a number",
        "string" => "a string",
        "boolean" => "true or false",
        "array" => "a list",
        "object" => "an object",
        _ => type ?? "something else",
    };

    private static string Found(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string {value.GetRawText()}",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static string Show(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? $"'{value.GetString()}'" : value.GetRawText();

    /// <summary>Edit distance with adjacent swaps, for suggesting the property a typo meant.</summary>
    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
