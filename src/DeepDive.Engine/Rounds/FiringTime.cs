namespace DeepDive.Engine.Rounds;

/// <summary>
/// One firing of a cycle's trigger as a round records it: the instant it was scheduled for (its firing key), whether it
/// ran late (the service was down when it fell due), and the earlier firings that were missed and are not run.
/// </summary>
public sealed record FiringTime(DateTime ScheduledForUtc, bool Late, IReadOnlyList<DateTimeOffset> Missed)
{
    public static FiringTime OnTime(DateTime scheduledForUtc) => new(scheduledForUtc, false, []);
}
