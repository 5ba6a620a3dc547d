using System.Text.Json;
using DeepDive.Domain.Grading;
using DeepDive.Engine.Workflows.Data;

namespace DeepDive.Engine.Tasks;

/// <summary>Reads a completed audit tool (answers.json), reporting every problem with its JSON path.</summary>
public static class AnswersFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    public static TaskSubmission Parse(string json, string fileName)
    {
        TaskSubmission? submission;
        try
        {
            submission = JsonSerializer.Deserialize<TaskSubmission>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{fileName}: {e.Path ?? "$"}: {e.Message}");
        }

        var errors = new List<string>();
        if (submission is null)
        {
            throw new InvalidDataException($"{fileName}: $: the file is empty.");
        }

        if (!GradingScale.TryParse(submission.Grade, out _))
        {
            errors.Add($"$.grade: '{submission.Grade}' is not a grade; use one of {string.Join(", ", GradingScale.Names)}");
        }

        for (var i = 0; i < submission.Sections.Count; i++)
        {
            var section = submission.Sections[i];
            if (string.IsNullOrWhiteSpace(section.Section))
            {
                errors.Add($"$.sections[{i}].section: the section needs a name");
            }

            if (section.Grade is not null && !GradingScale.TryParse(section.Grade, out _))
            {
                errors.Add($"$.sections[{i}].grade: '{section.Grade}' is not a grade; use one of {string.Join(", ", GradingScale.Names)}");
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidDataException(string.Join(Environment.NewLine, errors.Select(e => $"{fileName}: {e}")));
        }

        if (GradingScale.TryParse(submission.Grade, out var grade))
        {
            submission.Grade = GradingScale.Name(grade);
        }

        return submission;
    }
}
