using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Definitions;

/// <summary>
/// Reads workflows/*.json, checks each against workflows/schema/workflow.schema.json and the step
/// vocabulary, and turns it into a WorkflowCore definition. Any error names the file, JSON path and reason.
/// </summary>
public static class DefinitionLoader
{
    public sealed record Source(string File, string Json);

    /// <summary>The definitions shipped with DeepDive, embedded from the repository's workflows/ folder.</summary>
    public static IReadOnlyList<Source> Embedded()
    {
        var assembly = typeof(DefinitionLoader).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("workflows/", StringComparison.Ordinal) && !n.StartsWith("workflows/schema/", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => new Source(n, Read(assembly, n)))
            .ToList();
    }

    public static IReadOnlyList<Source> FromFolder(string folder) =>
        Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => new Source(Path.GetRelativePath(Directory.GetCurrentDirectory(), f), File.ReadAllText(f)))
            .ToList();

    public static IReadOnlyList<WorkflowDefinition> Load(IReadOnlyList<Source> sources)
    {
        var errors = new List<DefinitionError>();
        var definitions = new List<(string File, WorkflowDefinition Definition)>();
        var schema = Schema.Value;
        foreach (var source in sources)
        {
            JsonNode? document;
            try
            {
                document = JsonNode.Parse(source.Json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            }
            catch (JsonException e)
            {
                errors.Add(new DefinitionError(source.File, "$", $"not valid JSON at line {e.LineNumber + 1}: {e.Message}"));
                continue;
            }

            var evaluation = schema.Evaluate(JsonDocument.Parse(document!.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!evaluation.IsValid)
            {
                errors.AddRange(SchemaErrors(source.File, evaluation));
                continue;
            }

            var builder = new DefinitionBuilder(source.File);
            var definition = builder.Build(document.AsObject());
            errors.AddRange(builder.Errors);
            if (builder.Errors.Count == 0)
            {
                definitions.Add((source.File, definition));
            }
        }

        // Versions of one id live side by side; only the same (id, version) twice is ambiguous.
        foreach (var duplicate in definitions.GroupBy(d => (d.Definition.Id, d.Definition.Version)).Where(g => g.Count() > 1))
        {
            errors.Add(new DefinitionError(string.Join(", ", duplicate.Select(d => d.File)), "$.version",
                $"definition '{duplicate.Key.Id}' version {duplicate.Key.Version} is defined more than once"));
        }

        if (errors.Count > 0)
        {
            throw new DefinitionException(errors);
        }

        return definitions.Select(d => d.Definition).ToList();
    }

    private static IEnumerable<DefinitionError> SchemaErrors(string file, EvaluationResults results)
    {
        var found = new List<DefinitionError>();
        foreach (var detail in (results.Details ?? []).Where(d => d.Errors is { Count: > 0 } && !UnderIf(d.EvaluationPath.ToString())))
        {
            foreach (var (_, message) in detail.Errors!)
            {
                found.Add(new DefinitionError(file, JsonPath(detail.InstanceLocation.ToString()), message));
            }
        }

        return found.Count > 0 ? found.Distinct() : [new DefinitionError(file, "$", "does not match the workflow schema")];
    }

    // A failing "if" subschema only means its "then" does not apply; its errors are not the document's.
    private static bool UnderIf(string evaluationPath)
    {
        var segments = evaluationPath.Split('/');
        return segments.Where((segment, i) => segment == "if" && (i == 0 || segments[i - 1] is not ("properties" or "$defs"))).Any();
    }

    /// <summary>Turns a JSON pointer (/steps/2/do/0) into a JSON path ($.steps[2].do[0]).</summary>
    public static string JsonPath(string pointer)
    {
        var path = "$";
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var token = part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            path += int.TryParse(token, out _) ? $"[{token}]" : $".{token}";
        }

        return path;
    }

    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        var text = Read(typeof(DefinitionLoader).Assembly, "workflows/schema/workflow.schema.json");
        return JsonSchema.FromText(text);
    });

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded file {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
