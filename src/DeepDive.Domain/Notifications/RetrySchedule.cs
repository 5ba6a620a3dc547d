namespace DeepDive.Domain.Notifications;

/// <summary>
/// When a failed delivery is tried again: after 1, 5, 15 and 60 minutes, then every 4 hours, giving up after
/// <see cref="MaxAttempts"/> attempts (the notification is then marked failed and listed for the business team).
/// </summary>
public static class RetrySchedule
{
    public const int MaxAttempts = 12;

    private static readonly TimeSpan[] Delays =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60),
    ];

    /// <summary>The next attempt after <paramref name="attempts"/> failed ones, or null when it is time to give up.</summary>
    public static DateTime? NextAttempt(DateTime failedAtUtc, int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        if (attempts >= MaxAttempts)
        {
            return null;
        }

        var delay = attempts <= Delays.Length ? Delays[attempts - 1] : TimeSpan.FromHours(4);
        return failedAtUtc + delay;
    }
}
