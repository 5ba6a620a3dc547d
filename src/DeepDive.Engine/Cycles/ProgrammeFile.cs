using System.Text.Json;
using DeepDive.Domain.Cycles;

namespace DeepDive.Engine.Cycles;

/// <summary>
/// A whole audit programme to preview: a JSON array of cycles, a single cycle, or a folder of cycle files. Every
/// cycle is checked as <c>deepdive cycle add</c> checks it; all problems in all cycles are reported together.
/// </summary>
public static class ProgrammeFile
{
    public sealed class ProgrammeFileException(IReadOnlyList<CycleFileException> cycles, string? problem = null)
        : Exception(problem ?? string.Join(Environment.NewLine, cycles.Select(c => c.Message)))
    {
        public IReadOnlyList<CycleFileException> Cycles { get; } = cycles;
    }

    public static IReadOnlyList<CycleDefinition> Read(string path)
    {
        if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                throw new ProgrammeFileException([], $"{path}: the folder holds no cycle files (*.json).");
            }

            return Collect(files.Select(f => (Text: File.ReadAllText(f), Name: f)));
        }

        if (!File.Exists(path))
        {
            throw new ProgrammeFileException([], $"{path}: no such file or folder.");
        }

        var text = File.ReadAllText(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException)
        {
            // Let the cycle reader say where the JSON breaks.
            return Collect([(text, path)]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return Collect([(text, path)]);
            }

            if (document.RootElement.GetArrayLength() == 0)
            {
                throw new ProgrammeFileException([], $"{path}: the programme holds no cycles.");
            }

            return Collect(document.RootElement.EnumerateArray().Select((e, i) => (e.GetRawText(), $"{path}[{i}]")));
        }
    }

    private static List<CycleDefinition> Collect(IEnumerable<(string Text, string Name)> sources)
    {
        var cycles = new List<CycleDefinition>();
        var failures = new List<CycleFileException>();
        foreach (var (text, name) in sources)
        {
            try
            {
                cycles.Add(CycleFile.Parse(text, name));
            }
            catch (CycleFileException e)
            {
                failures.Add(e);
            }
        }

        var duplicate = cycles.GroupBy(c => c.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (failures.Count > 0 || duplicate is not null)
        {
            throw new ProgrammeFileException(failures, failures.Count > 0 ? null : $"The programme names cycle '{duplicate!.Key}' more than once.");
        }

        return cycles;
    }
}
