using System.Text.Json;
using DeepDive.Engine.Workflows.Data;

namespace DeepDive.Engine.Tasks;

/// <summary>Reads a completed audit tool (answers.json, or the API's request body), reporting every problem with its JSON path.</summary>
public static class AnswersFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow };

    /// <summary>The answers in <paramref name="json"/>, tidied (<see cref="AnswerRules.Normalise"/>), or the problems; <paramref name="complete"/> checks them as a submission, else as a draft.</summary>
    public static AnswersReading Read(string json, bool complete)
    {
        TaskSubmission? answers;
        try
        {
            answers = string.IsNullOrWhiteSpace(json) ? null : JsonSerializer.Deserialize<TaskSubmission>(json, Json);
        }
        catch (JsonException e)
        {
            return new AnswersReading(null, [new AnswerProblem(e.Path ?? "$", e.Message)]);
        }

        if (answers is null)
        {
            return new AnswersReading(null, [new AnswerProblem("$", "there are no answers")]);
        }

        var problems = AnswerRules.Check(AnswerRules.Normalise(answers), complete);
        return new AnswersReading(problems.Count == 0 ? answers : null, problems);
    }

    /// <summary>The answers file of <c>deepdive task submit</c>: the answers, or every problem as <c>file: $.path: message</c>.</summary>
    public static TaskSubmission Parse(string json, string fileName)
    {
        var reading = Read(json, complete: true);
        return reading.Answers ?? throw new InvalidDataException(
            string.Join(Environment.NewLine, reading.Problems.Select(p => $"{fileName}: {p.Path}: {p.Message}")));
    }
}

/// <summary>What reading answers gave: the answers when they keep the rules, else each problem.</summary>
public sealed record AnswersReading(TaskSubmission? Answers, IReadOnlyList<AnswerProblem> Problems);
