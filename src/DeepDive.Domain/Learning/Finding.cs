using DeepDive.Domain.Grading;

namespace DeepDive.Domain.Learning;

/// <summary>A graded deep dive, as the learning brief and feedback see it.</summary>
public sealed record Finding(
    string CaseRef,
    string? School,
    Grade Overall,
    bool NeedsWork,
    IReadOnlyList<string> GoodPractice,
    IReadOnlyList<string> AreasForDevelopment,
    IReadOnlyList<string> Recommendations);
