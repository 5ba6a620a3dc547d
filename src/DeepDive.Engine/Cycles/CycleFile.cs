using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DeepDive.Domain.Cycles;
using Json.Schema;

namespace DeepDive.Engine.Cycles;

/// <summary>Reads and writes cycle definitions as JSON files checked against <c>cycle.schema.json</c>.</summary>
public static partial class CycleFile
{
    /// <summary>The embedded schema every cycle file is checked against.</summary>
    public const string SchemaResource = "schemas/cycle.schema.json";

    private static readonly Lazy<(JsonSchema Schema, JsonDocument Text)> Schema = new(LoadSchema);

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        IndentSize = 2,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    // People write these files by hand: comments and a trailing comma are harmless; a repeated property is reported.
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Reads a cycle file, or throws <see cref="CycleFileException"/> listing every problem in it.</summary>
    public static CycleDefinition Parse(string json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new CycleFileException(fileName, [new CycleFileError(JsonPaths.Root, "the file is empty")]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new CycleFileException(fileName, [NotJson(e)]);
        }

        using (document)
        {
            var root = document.RootElement;
            var results = Schema.Value.Schema.Evaluate(root, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
            var errors = Duplicates(root, JsonPaths.Root)
                .Concat(results.IsValid ? [] : new SchemaErrorReader(Schema.Value.Text.RootElement, root).Read(results)
                    .Where(e => e.Path != JsonPaths.Property(JsonPaths.Root, CycleRules.RenamedDeadline)))
                .Concat(CycleRules.Check(root))
                .Distinct()
                .ToList();
            if (errors.Count == 0)
            {
                try
                {
                    return root.Deserialize<CycleDefinition>(Options) ?? throw new JsonException("The file holds null.");
                }
                catch (JsonException e)
                {
                    // The schema counts 10.0 as an integer; System.Text.Json does not read it into an int.
                    var reason = e.Message.Contains("System.Int32", StringComparison.Ordinal)
                        ? "expected a whole number written without a decimal point, e.g. 10 rather than 10.0"
                        : ReaderPosition().Replace(e.Message, "").Trim();
                    errors.Add(new CycleFileError(string.IsNullOrEmpty(e.Path) ? JsonPaths.Root : e.Path, reason));
                }
            }

            var order = JsonPaths.ReadingOrder(root);
            throw new CycleFileException(fileName, errors.OrderBy(e => order.GetValueOrDefault(e.Path, int.MaxValue)).ToList());
        }
    }

    /// <summary>Writes a cycle as the camelCase JSON that <see cref="Parse"/> reads; defaults are written out so a stored copy keeps its meaning.</summary>
    public static string Serialize(CycleDefinition cycle)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var node = JsonSerializer.SerializeToNode(cycle, Options)!.AsObject();
        if (node["schedule"] is JsonObject schedule && schedule["cron"] is not null)
        {
            // The cron expression carries the day and time; Parse refuses a weekday or time beside it.
            schedule.Remove("weekday");
            schedule.Remove("time");
        }

        return node.ToJsonString(Options);
    }

    /// <summary>Reads JSON this class wrote earlier, without the checks, so a stored copy reads back after the rules tighten.</summary>
    internal static CycleDefinition ReadStored(string json)
    {
        var node = JsonNode.Parse(json, documentOptions: DocumentOptions)?.AsObject() ?? throw new JsonException("A stored cycle definition is null.");
        if (node[CycleRules.RenamedDeadline] is { } calendarDays && node["taskDeadlineWorkingDays"] is null)
        {
            // Stored before deadlines counted working days: the same span of time, five working days a week.
            node["taskDeadlineWorkingDays"] = Math.Max(1, (int)Math.Round(calendarDays.GetValue<int>() * 5 / 7.0, MidpointRounding.AwayFromZero));
            node.Remove(CycleRules.RenamedDeadline);
        }

        return node.Deserialize<CycleDefinition>(Options) ?? throw new JsonException("A stored cycle definition is null.");
    }

    private static CycleFileError NotJson(JsonException e)
    {
        var detail = ReaderPosition().Replace(e.Message, "").Trim();
        var where = e.LineNumber is { } line && e.BytePositionInLine is { } position
            ? $" at line {line + 1}, position {position + 1}"
            : "";
        return new CycleFileError(string.IsNullOrEmpty(e.Path) ? JsonPaths.Root : e.Path, $"not valid JSON{where}: {detail}");
    }

    /// <summary>A property given twice in one object: JSON readers keep one of them silently, so say which.</summary>
    private static IEnumerable<CycleFileError> Duplicates(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var childPath = JsonPaths.Property(path, property.Name);
                if (!seen.Add(property.Name))
                {
                    yield return new CycleFileError(childPath, $"property '{property.Name}' is given more than once");
                }

                foreach (var error in Duplicates(property.Value, childPath))
                {
                    yield return error;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in element.EnumerateArray())
            {
                foreach (var error in Duplicates(item, JsonPaths.Index(path, i++)))
                {
                    yield return error;
                }
            }
        }
    }

    private static (JsonSchema, JsonDocument) LoadSchema()
    {
        using var stream = typeof(CycleFile).Assembly.GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException($"The engine was built without its embedded {SchemaResource}.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return (JsonSchema.FromText(text), JsonDocument.Parse(text));
    }

    [GeneratedRegex(@"\s*(Path: \S*)?\s*\|?\s*LineNumber: \d+ \| BytePositionInLine: \d+\.\s*$")]
    private static partial Regex ReaderPosition();
}
