namespace DeepDive.Engine.FiringFailures;

/// <summary>
/// How often a firing is tried again after a transient error (a timeout, a locked database) before it is recorded as
/// failed. The waits are real time, not the engine's clock: they give a database time to recover.
/// </summary>
public sealed record FiringRetryOptions
{
    /// <summary>Attempts after the first: 4 means five in all.</summary>
    public int Retries { get; init; } = 4;

    /// <summary>The first wait; each later one doubles (2, 4, 8, 16 s by default, with jitter).</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(2);
}
