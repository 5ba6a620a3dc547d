namespace DeepDive.Domain.Grading;

public static class GradingScale
{
    private static readonly Dictionary<string, Grade> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["outstanding"] = Grade.Outstanding,
        ["good"] = Grade.Good,
        ["requires-improvement"] = Grade.RequiresImprovement,
        ["requires improvement"] = Grade.RequiresImprovement,
        ["requiresimprovement"] = Grade.RequiresImprovement,
        ["inadequate"] = Grade.Inadequate,
    };

    public static IReadOnlyList<string> Names { get; } = ["outstanding", "good", "requires-improvement", "inadequate"];

    public static bool TryParse(string? text, out Grade grade)
    {
        grade = default;
        return text is not null && ByName.TryGetValue(text.Trim(), out grade);
    }

    public static string Name(Grade grade) => grade switch
    {
        Grade.Outstanding => "outstanding",
        Grade.Good => "good",
        Grade.RequiresImprovement => "requires-improvement",
        Grade.Inadequate => "inadequate",
        _ => throw new ArgumentOutOfRangeException(nameof(grade)),
    };

    public static string Label(Grade grade) => grade switch
    {
        Grade.Outstanding => "Outstanding",
        Grade.Good => "Good",
        Grade.RequiresImprovement => "Requires improvement",
        Grade.Inadequate => "Inadequate",
        _ => throw new ArgumentOutOfRangeException(nameof(grade)),
    };

    /// <summary>By default a finding needs work when it is Requires improvement or Inadequate.</summary>
    public static bool NeedsWork(Grade grade, IReadOnlyCollection<Grade>? needsWorkGrades = null) =>
        needsWorkGrades is null ? grade >= Grade.RequiresImprovement : needsWorkGrades.Contains(grade);

    /// <summary>The overall grade of a deep dive from its single-agency grades: the rounded mean, ties going to the worse grade.</summary>
    public static Grade Overall(IReadOnlyCollection<Grade> agencyGrades)
    {
        if (agencyGrades.Count == 0)
        {
            throw new ArgumentException("A deep dive needs at least one graded single-agency audit.", nameof(agencyGrades));
        }

        var mean = agencyGrades.Average(g => (double)(int)g);
        return (Grade)(int)Math.Floor(mean + 0.5);
    }
}
