using System.Diagnostics;

namespace DeepDive.Engine.Tests.Support;

/// <summary>Waits for an asynchronous outcome by asking again every few milliseconds, up to a bounded time.</summary>
public static class Poller
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);

    /// <summary>Returns the first value of <paramref name="probe"/> that satisfies <paramref name="done"/>; throws a
    /// <see cref="TimeoutException"/> naming <paramref name="what"/> and the last value seen when the time runs out.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }

            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds:0.#} s for {what}; last seen: {value?.ToString() ?? "null"}.");
            }

            await Task.Delay(Interval);
        }
    }
}
