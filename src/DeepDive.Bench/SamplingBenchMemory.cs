using System.Diagnostics;
using System.Globalization;

namespace DeepDive.Bench;

/// <summary>Peak memory while one operation ran, all in MB.</summary>
/// <param name="LiveBaselineMb">The live managed heap just before (after a full collection).</param>
/// <param name="LivePeakMb">The largest live managed heap during a run with a full compacting collection every 10 ms: what the process holds, not its garbage.</param>
/// <param name="ManagedPeakMb">The largest managed heap during a run left to the garbage collector, garbage included (sampled every millisecond).</param>
/// <param name="WorkingSetPeakMb">The process's peak resident memory during that run (VmHWM, reset just before), or since the process started where it cannot be reset.</param>
/// <param name="WorkingSetPeakIsSinceStart">Whether the peak could not be reset, so it is the process's whole-life peak.</param>
/// <param name="AllocatedMb">Managed memory allocated during that run, nearly all of it short-lived.</param>
/// <param name="Collections">Garbage collections during that run.</param>
public sealed record MemoryPeak(
    double LiveBaselineMb, double LivePeakMb, double ManagedPeakMb, double WorkingSetPeakMb, bool WorkingSetPeakIsSinceStart, double AllocatedMb, int Collections);

/// <summary>
/// Measures an operation's peak memory in two runs, apart from the timed runs so sampling never slows a timing. In the
/// first, a dedicated thread collects all garbage every 10 ms and notes the live heap left: its peak is what the
/// operation holds at once. In the second, the collector runs as it likes, a thread samples the heap every millisecond,
/// and on Linux the process's peak resident set (VmHWM) is reset before it through /proc/self/clear_refs.
/// </summary>
internal static class SamplingBenchMemory
{
    private const double Mb = 1024 * 1024;

    public static async Task<(T Result, MemoryPeak Peak)> MeasureAsync<T>(Func<Task<T>> operation)
    {
        var baseline = CollectAll();
        var (_, livePeak) = await SampleWhileAsync(operation, TimeSpan.FromMilliseconds(10), collect: true);

        CollectAll();
        var reset = TryResetPeakWorkingSet();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = GC.CollectionCount(0);
        var (result, managedPeak) = await SampleWhileAsync(operation, TimeSpan.FromMilliseconds(1), collect: false);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return (result, new MemoryPeak(
            baseline / Mb,
            livePeak / Mb,
            managedPeak / Mb,
            PeakWorkingSetBytes() / Mb,
            !reset,
            allocated / Mb,
            GC.CollectionCount(0) - collectionsBefore));
    }

    private static long CollectAll()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return LiveHeap();
    }

    /// <summary>
    /// The heap left by a full compacting collection, less free space: what is alive. (GC.GetTotalMemory read after a
    /// collection also counts the allocation buffers threads took since, and jumps by megabytes from one read to the next.)
    /// </summary>
    private static long LiveHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        return info.HeapSizeBytes - info.FragmentedBytes;
    }

    private static async Task<(T Result, long Peak)> SampleWhileAsync<T>(Func<Task<T>> operation, TimeSpan every, bool collect)
    {
        var peak = collect ? LiveHeap() : GC.GetTotalMemory(forceFullCollection: false);
        using var stop = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            do
            {
                var now = collect ? LiveHeap() : GC.GetTotalMemory(forceFullCollection: false);
                if (now > Interlocked.Read(ref peak))
                {
                    Interlocked.Exchange(ref peak, now);
                }
            }
            while (!stop.Wait(every));
        })
        { IsBackground = true, Name = "bench memory sampler" };
        sampler.Start();
        try
        {
            return (await operation(), Interlocked.Read(ref peak));
        }
        finally
        {
            stop.Set();
            sampler.Join();
        }
    }

    /// <summary>Linux: writing 5 to clear_refs resets the peak resident set size to the current one (since Linux 4.0).</summary>
    private static bool TryResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    private static long PeakWorkingSetBytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                // "VmHWM:    123456 kB"
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux: fall through to the runtime's own figure.
        }

        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
