using System.Collections.Concurrent;

namespace DeepDive.Bench;

/// <summary>How often WorkflowCore called each persistence method in one bench run, and how long the calls took.</summary>
public sealed class StoreCalls
{
    private sealed class Tally
    {
        public long Count;
        public long Ticks;
    }

    private readonly ConcurrentDictionary<string, Tally> tallies = new(StringComparer.Ordinal);

    public void Add(string method, TimeSpan elapsed)
    {
        var tally = tallies.GetOrAdd(method, _ => new Tally());
        Interlocked.Increment(ref tally.Count);
        Interlocked.Add(ref tally.Ticks, elapsed.Ticks);
    }

    /// <summary>The calls so far, most total time first.</summary>
    public IReadOnlyList<StoreCallSummary> Summary() => tallies
        .Select(t => new StoreCallSummary(t.Key, Interlocked.Read(ref t.Value.Count), TimeSpan.FromTicks(Interlocked.Read(ref t.Value.Ticks)).TotalMilliseconds))
        .OrderByDescending(s => s.TotalMs)
        .ToList();
}

/// <param name="Method">The <c>IPersistenceProvider</c> method.</param>
/// <param name="Calls">How many times it was called.</param>
/// <param name="TotalMs">The summed wall time of the calls (they overlap when WorkflowCore runs several at once).</param>
public sealed record StoreCallSummary(string Method, long Calls, double TotalMs)
{
    public double MeanMs => Calls == 0 ? 0 : TotalMs / Calls;
}
