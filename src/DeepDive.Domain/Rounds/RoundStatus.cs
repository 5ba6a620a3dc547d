namespace DeepDive.Domain.Rounds;

/// <summary>
/// Where a round is: drawing its sample (a round opened before draws were stored with it, or a re-audit), awaiting a
/// manager's review of the draw, with its sample locked, in progress (its deep dives started) or closed.
/// </summary>
public static class RoundStatus
{
    public const string Drawing = "drawing";
    public const string AwaitingReview = "awaiting-review";
    public const string SampleLocked = "sample-locked";
    public const string InProgress = "in-progress";
    public const string Closed = "closed";
}
