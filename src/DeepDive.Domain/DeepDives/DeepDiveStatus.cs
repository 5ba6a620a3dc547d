namespace DeepDive.Domain.DeepDives;

/// <summary>Where a deep dive is: open (its single-agency audits under way), graded, or closed.</summary>
public static class DeepDiveStatus
{
    public const string Open = "open";
    public const string Graded = "graded";
    public const string Closed = "closed";
}
