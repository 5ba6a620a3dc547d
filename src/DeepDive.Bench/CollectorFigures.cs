namespace DeepDive.Bench;

/// <summary>
/// What the garbage collector did during one measured run (the whole process, but only one provider runs at a time).
/// A store that allocates more, or keeps garbage reachable for longer (from the finalizer queue, say), pays in more
/// collections, more of them of the costlier gen1 and gen2 kind, and more time with every thread paused.
/// </summary>
/// <param name="Collections">Collections of any generation.</param>
/// <param name="OlderCollections">Of those, gen1 and gen2 collections.</param>
/// <param name="PausedSeconds">Time the runtime had the program's threads paused for the collector.</param>
/// <param name="AllocatedKbPerWorkflow">Bytes allocated by the whole process, per workflow, in KiB.</param>
public sealed record CollectorFigures(int Collections, int OlderCollections, double PausedSeconds, double AllocatedKbPerWorkflow)
{
    /// <summary>The collector's counters now, to subtract from at the end of a run.</summary>
    public static Mark Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: false));

    /// <param name="Collections">Collections of any generation so far (the runtime counts a gen1 one as gen0 too).</param>
    /// <param name="OlderCollections">Gen1 and gen2 collections so far.</param>
    public readonly record struct Mark(int Collections, int OlderCollections, TimeSpan Paused, long Allocated)
    {
        /// <summary>What the collector did since this mark, for a run of <paramref name="workflows"/> workflows.</summary>
        public CollectorFigures Since(int workflows)
        {
            var now = Now();
            return new CollectorFigures(
                now.Collections - Collections,
                now.OlderCollections - OlderCollections,
                (now.Paused - Paused).TotalSeconds,
                (now.Allocated - Allocated) / 1024.0 / Math.Max(workflows, 1));
        }
    }
}
