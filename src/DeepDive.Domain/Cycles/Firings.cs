namespace DeepDive.Domain.Cycles;

/// <summary>
/// Arithmetic on a schedule's firing instants, given as "the next instant after t" (a cron expression's, in its time zone).
/// </summary>
public static class Firings
{
    /// <summary>A round that starts more than this after its firing is late (Quartz's own misfire threshold).</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan[] LookBack =
        [TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(32), TimeSpan.FromDays(400), TimeSpan.FromDays(3 * 366)];

    /// <summary>The last firing at or before <paramref name="at"/>, or null when there is none in the three years before it.</summary>
    public static DateTimeOffset? LatestAtOrBefore(Func<DateTimeOffset, DateTimeOffset?> nextAfter, DateTimeOffset at)
    {
        // Widen the window until it holds a firing, so a frequent schedule never walks a year of instants.
        foreach (var span in LookBack)
        {
            DateTimeOffset? latest = null;
            var next = nextAfter(at - span - TimeSpan.FromTicks(1));
            while (next is { } n && n <= at)
            {
                latest = n;
                next = nextAfter(n);
            }

            if (latest is not null)
            {
                return latest;
            }
        }

        return null;
    }

    /// <summary>The firings strictly after <paramref name="from"/> and strictly before <paramref name="to"/>, at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> Between(Func<DateTimeOffset, DateTimeOffset?> nextAfter, DateTimeOffset from, DateTimeOffset to, int max = 100)
    {
        var result = new List<DateTimeOffset>();
        var next = nextAfter(from);
        while (next is { } n && n < to && result.Count < max)
        {
            result.Add(n);
            next = nextAfter(n);
        }

        return result;
    }
}
