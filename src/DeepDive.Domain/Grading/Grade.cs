namespace DeepDive.Domain.Grading;

/// <summary>The default grading scale, best first. The number orders grades: higher is worse.</summary>
public enum Grade
{
    Outstanding = 1,
    Good = 2,
    RequiresImprovement = 3,
    Inadequate = 4,
}
