using DeepDive.Domain.Grading;
using DeepDive.Engine.Workflows.Data;

namespace DeepDive.Engine.Tasks;

/// <summary>
/// The rules a task's answers keep wherever they come from (the answers file, the web form, the API): an overall
/// grade, and for each section a name and the evidence; any grade given must be on the scale. A draft need only hold
/// valid values. Each problem names its JSON path and says what to do, in the words the web form shows.
/// </summary>
public static class AnswerRules
{
    public static IReadOnlyList<AnswerProblem> Check(TaskSubmission answers, bool complete)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var problems = new List<AnswerProblem>();
        if (string.IsNullOrWhiteSpace(answers.Grade))
        {
            if (complete)
            {
                problems.Add(new("$.grade", "Select the overall grade"));
            }
        }
        else if (!GradingScale.TryParse(answers.Grade, out _))
        {
            problems.Add(new("$.grade", $"'{answers.Grade}' is not a grade; use one of {Scale}"));
        }

        for (var i = 0; i < answers.Sections.Count; i++)
        {
            var section = answers.Sections[i];
            var path = $"$.sections[{i}]";
            if (string.IsNullOrWhiteSpace(section.Section))
            {
                problems.Add(new($"{path}.section", $"Enter the name of section {i + 1}"));
            }

            if (complete && string.IsNullOrWhiteSpace(section.Evidence))
            {
                problems.Add(new($"{path}.evidence", $"Enter the evidence for section {i + 1}"));
            }

            if (!string.IsNullOrWhiteSpace(section.Grade) && !GradingScale.TryParse(section.Grade, out _))
            {
                problems.Add(new($"{path}.grade", $"'{section.Grade}' is not a grade for section {i + 1}; use one of {Scale}"));
            }
        }

        return problems;
    }

    /// <summary>
    /// The answers tidied as they are stored: grades by their scale names, text trimmed, blank points and an empty
    /// safeguarding concern left out. Values that are not grades are kept as given, for <see cref="Check"/> to name.
    /// </summary>
    public static TaskSubmission Normalise(TaskSubmission answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        answers.Grade = GradeName(answers.Grade) ?? "";
        // JSON may say null where a list or a section belongs; it reads as nothing given.
        answers.Sections = [.. (answers.Sections ?? []).Select(s => s ?? new SectionAnswer())];
        foreach (var section in answers.Sections)
        {
            section.Section = section.Section?.Trim() ?? "";
            section.Evidence = section.Evidence?.Trim() ?? "";
            section.Grade = GradeName(section.Grade);
        }

        answers.GoodPractice = Points(answers.GoodPractice);
        answers.AreasForDevelopment = Points(answers.AreasForDevelopment);
        answers.Recommendations = Points(answers.Recommendations);
        answers.SafeguardingConcern = string.IsNullOrWhiteSpace(answers.SafeguardingConcern) ? null : answers.SafeguardingConcern.Trim();
        return answers;
    }

    private static string Scale => string.Join(", ", GradingScale.Names);

    private static string? GradeName(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : GradingScale.TryParse(text, out var grade) ? GradingScale.Name(grade) : text.Trim();

    private static List<string> Points(List<string>? points) =>
        points is null ? [] : [.. points.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim())];
}

/// <summary>One rule an answer breaks: where (a JSON path such as <c>$.sections[1].evidence</c>) and what to do.</summary>
public sealed record AnswerProblem(string Path, string Message)
{
    /// <summary>The path as a field name, without the leading <c>$.</c> (<c>sections[1].evidence</c>).</summary>
    public string Field => Path.StartsWith("$.", StringComparison.Ordinal) ? Path[2..] : Path.TrimStart('$');
}
