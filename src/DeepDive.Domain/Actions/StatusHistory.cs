namespace DeepDive.Domain.Actions;

/// <summary>Tells the status in force at an instant from a history of changes.</summary>
public static class StatusHistory
{
    /// <summary>
    /// The entry in force just before <paramref name="instant"/>: the last one recorded before it. When the history begins
    /// at or after the instant, its earliest entry (the status counts with its earliest recorded value); null when empty.
    /// Entries at the same time keep the order they are given in, the later one winning.
    /// </summary>
    public static T? InForceBefore<T>(IEnumerable<T> history, Func<T, DateTime> at, DateTime instant)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(at);
        T? earliest = null;
        T? latest = null;
        DateTime earliestAt = DateTime.MaxValue;
        DateTime latestAt = DateTime.MinValue;
        foreach (var entry in history)
        {
            var when = at(entry);
            if (earliest is null || when < earliestAt)
            {
                earliest = entry;
                earliestAt = when;
            }

            if (when < instant && (latest is null || when >= latestAt))
            {
                latest = entry;
                latestAt = when;
            }
        }

        return latest ?? earliest;
    }
}
