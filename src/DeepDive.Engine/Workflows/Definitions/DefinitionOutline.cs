using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeepDive.Engine.Workflows.Definitions;

/// <summary>
/// A workflow definition as people read it: id, version, source file and its steps as a numbered outline,
/// read from the definition's own JSON rather than from the WorkflowCore steps built from it.
/// </summary>
public sealed record DefinitionOutline(string File, string Id, int Version, string? Description, IReadOnlyList<OutlineStep> Steps)
{
    /// <summary>Every step of the definition, nested ones included.</summary>
    public int StepCount => Count(Steps);

    /// <summary>Checks the sources with <see cref="DefinitionLoader.Load"/> (throwing its <see cref="DefinitionException"/>) and outlines each, ordered by id then version.</summary>
    public static IReadOnlyList<DefinitionOutline> Load(IReadOnlyList<DefinitionLoader.Source> sources)
    {
        DefinitionLoader.Load(sources);
        return sources.Select(Read).OrderBy(o => o.Id, StringComparer.Ordinal).ThenBy(o => o.Version).ToList();
    }

    /// <summary>Outlines one definition the loader accepts; the JSON is not checked again here.</summary>
    public static DefinitionOutline Read(DefinitionLoader.Source source)
    {
        var document = JsonNode.Parse(source.Json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        return new DefinitionOutline(source.File, (string)document["id"]!, (int)document["version"]!, (string?)document["description"],
            Sequence(document["steps"]!.AsArray(), ""));
    }

    /// <summary>The definition with this id: the given version, or the latest. Unknown ids and versions throw <see cref="ArgumentException"/> naming what there is.</summary>
    public static DefinitionOutline Find(IReadOnlyList<DefinitionOutline> outlines, string id, int? version = null)
    {
        var versions = outlines.Where(o => o.Id == id).OrderBy(o => o.Version).ToList();
        if (versions.Count == 0)
        {
            var known = outlines.Select(o => o.Id).Distinct().Order(StringComparer.Ordinal);
            throw new ArgumentException($"There is no workflow definition '{id}'; known: {string.Join(", ", known)}.");
        }

        if (version is null)
        {
            return versions[^1];
        }

        return versions.Find(o => o.Version == version)
            ?? throw new ArgumentException($"The workflow definition '{id}' has no version {version}; versions: {string.Join(", ", versions.Select(o => o.Version))}.");
    }

    /// <summary>The outline as text lines: "1. draw-sample", then each step's children indented under its text ("   2.1 assign-auditors").</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string>();
        Write(Steps, 0, lines);
        return lines;
    }

    private static void Write(IReadOnlyList<OutlineStep> steps, int indent, List<string> lines)
    {
        foreach (var step in steps)
        {
            var number = step.Number.Contains('.', StringComparison.Ordinal) ? step.Number : step.Number + ".";
            lines.Add($"{new string(' ', indent)}{number} {step.Text}");
            Write(step.Children, indent + number.Length + 1, lines);
        }
    }

    private static int Count(IReadOnlyList<OutlineStep> steps) =>
        steps.Sum(s => (s.IsBranch ? 0 : 1) + Count(s.Children));

    private static List<OutlineStep> Sequence(JsonArray items, string parent) =>
        items.Select((item, i) => Step(item!.AsObject(), Number(parent, i))).ToList();

    private static OutlineStep Step(JsonObject item, string number)
    {
        var kind = (string)item["step"]!;
        var name = (string?)item["name"];
        var label = name is null || name == kind ? "" : $" \"{name}\"";
        switch (kind)
        {
            case "if" or "while":
                return new OutlineStep(number, $"{kind} {(string?)item["condition"]}{label}", Sequence(Children(item, kind == "if" ? "then" : "do"), number));
            case "for-each":
                var parallel = (bool?)item["parallel"] ?? true;
                return new OutlineStep(number, $"for-each {(string?)item["collection"]} ({(parallel ? "parallel" : "sequential")}){label}", Sequence(Children(item, "do"), number));
            case "sequence":
                return new OutlineStep(number, $"sequence{label}", Sequence(Children(item, "do"), number));
            case "parallel":
                var branches = Children(item, "branches")
                    .Select((branch, b) => new OutlineStep(Number(number, b), $"branch {b + 1}", Sequence(branch!.AsArray(), Number(number, b)), IsBranch: true))
                    .ToList();
                return new OutlineStep(number, $"parallel{label}", branches);
            case "wait-for-event":
                return new OutlineStep(number, $"wait-for-event {(string?)item["event"]}, key {(string?)item["key"]}{label}", []);
            case "human-task":
                var eventName = (string?)item["event"] ?? Data.WorkflowEvents.TaskSubmitted;
                return new OutlineStep(number, $"human-task {eventName}, key {(string?)item["key"]}{label}", []);
            default:
                return new OutlineStep(number, kind + label, []);
        }
    }

    private static JsonArray Children(JsonObject item, string property) => item[property]?.AsArray() ?? [];

    private static string Number(string parent, int index) =>
        parent.Length == 0 ? $"{index + 1}" : $"{parent}.{index + 1}";
}

/// <summary>One line of a <see cref="DefinitionOutline"/>: its number ("2.3.1"), what it does, and its nested steps. A parallel step's branches are outline lines but not steps.</summary>
public sealed record OutlineStep(string Number, string Text, IReadOnlyList<OutlineStep> Children, bool IsBranch = false);
