using DeepDive.Domain.Grading;
using DeepDive.Engine.Tasks;
using DeepDive.Engine.Workflows.Data;

namespace DeepDive.Web.Pages.Tasks;

/// <summary>
/// The answer form's fields: the overall grade, each section of the audit tool (evidence and an optional grade), the
/// lists (one point a line) and the safeguarding concern. It maps to and from the answers file's shape, and a rule's
/// JSON path to the field it is shown against.
/// </summary>
public sealed class AnswersInput
{
    public string? Grade { get; set; }

    public List<SectionInput> Sections { get; set; } = [];

    public string? GoodPractice { get; set; }

    public string? AreasForDevelopment { get; set; }

    public string? Recommendations { get; set; }

    public string? SafeguardingConcern { get; set; }

    public sealed class SectionInput
    {
        public string Section { get; set; } = "";

        public string? Evidence { get; set; }

        public string? Grade { get; set; }
    }

    /// <summary>The grades as radios offer them: the scale's name and the words for it.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Grades { get; } =
        [.. Enum.GetValues<Grade>().Select(g => KeyValuePair.Create(GradingScale.Name(g), GradingScale.Label(g)))];

    /// <summary>The form for <paramref name="answers"/> (a draft, or none yet): the tool's sections in order, then any other section the answers hold.</summary>
    public static AnswersInput From(TaskSubmission? answers, IReadOnlyList<string> toolSections)
    {
        var given = answers?.Sections ?? [];
        var sections = toolSections.Select(name => given.FirstOrDefault(s => Same(s.Section, name)) is { } s
                ? new SectionInput { Section = name, Evidence = s.Evidence, Grade = s.Grade }
                : new SectionInput { Section = name })
            .Concat(given.Where(s => !toolSections.Any(name => Same(s.Section, name)))
                .Select(s => new SectionInput { Section = s.Section, Evidence = s.Evidence, Grade = s.Grade }))
            .ToList();
        return new AnswersInput
        {
            Grade = answers?.Grade,
            Sections = sections,
            GoodPractice = Lines(answers?.GoodPractice),
            AreasForDevelopment = Lines(answers?.AreasForDevelopment),
            Recommendations = Lines(answers?.Recommendations),
            SafeguardingConcern = answers?.SafeguardingConcern,
        };
    }

    /// <summary>
    /// The posted form with the audit tool's sections first, named by the tool whatever was posted: none can be left
    /// out or renamed. Sections past the tool's (from a draft the API saved) keep their posted names.
    /// </summary>
    public AnswersInput WithToolSections(IReadOnlyList<string> toolSections)
    {
        for (var i = 0; i < toolSections.Count; i++)
        {
            if (i == Sections.Count)
            {
                Sections.Add(new SectionInput());
            }

            Sections[i].Section = toolSections[i];
        }

        return this;
    }

    /// <summary>The answers, tidied as stored (<see cref="AnswerRules.Normalise"/>).</summary>
    public TaskSubmission ToAnswers() => AnswerRules.Normalise(new TaskSubmission
    {
        Grade = Grade ?? "",
        Sections = [.. Sections.Select(s => new SectionAnswer { Section = s.Section, Evidence = s.Evidence ?? "", Grade = s.Grade })],
        GoodPractice = Points(GoodPractice),
        AreasForDevelopment = Points(AreasForDevelopment),
        Recommendations = Points(Recommendations),
        SafeguardingConcern = SafeguardingConcern,
    });

    /// <summary>The model-state key of the field a rule's path names: <c>$.sections[1].evidence</c> → <c>Input.Sections[1].Evidence</c>; the whole form is "".</summary>
    public static string FieldOf(AnswerProblem problem)
    {
        var field = problem.Field;
        return field.Length == 0 ? "" : "Input." + string.Join('.', field.Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
    }

    private static bool Same(string? a, string b) => string.Equals(a?.Trim(), b, StringComparison.OrdinalIgnoreCase);

    private static string? Lines(List<string>? points) => points is null ? null : string.Join('\n', points);

    private static List<string> Points(string? lines) => lines is null ? [] : [.. lines.Split('\n')];
}
