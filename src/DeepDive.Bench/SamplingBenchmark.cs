using System.Diagnostics;
using System.Globalization;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Storage;

namespace DeepDive.Bench;

/// <summary>
/// Times the production draw against the physical floor and the naive <c>ORDER BY RANDOM()</c>, side by side in one run,
/// on a bulk-loaded register on SQLite and on PostgreSQL when a server is available; measures the draw's peak memory on
/// a full-size and a small register, so a reader can see whether it grows with the population.
/// </summary>
public static class SamplingBenchmark
{
    public const double DrawToFloorGoal = 1.5;

    /// <summary>The live managed heap during the draw on the full register may be at most this many times what it is on the small one.</summary>
    public const double MemoryGrowthGoal = 1.5;

    public static async Task<SamplingBenchReport> RunAsync(SamplingBenchOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Cases, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.SmallCases);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.SampleSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Repeats, 1);
        if (options.SmallCases >= options.Cases)
        {
            throw new ArgumentException($"The small register ({options.SmallCases:N0} cases) must be smaller than the full one ({options.Cases:N0}).", nameof(options));
        }

        var loadBefore = MachineLoad.OneMinute();
        var databases = new List<(string Name, Func<Task<BenchStore>> NewStore)> { ("SQLite", BenchStore.NewSqliteAsync) };
        ThrowawayPostgres? server = null;
        string? postgresUnavailable = null;
        try
        {
            if (options.IncludePostgres)
            {
                var serverConnection = options.PostgresConnectionString;
                if (serverConnection is null)
                {
                    progress?.Report("Starting a throwaway PostgreSQL server");
                    (server, postgresUnavailable) = await ThrowawayPostgres.TryStartAsync(ThrowawayPostgresOptions.Bench, cancellationToken);
                    serverConnection = server?.ConnectionString;
                }

                if (serverConnection is not null)
                {
                    databases.Add(("PostgreSQL", () => BenchStore.NewPostgresAsync(serverConnection, cancellationToken)));
                }
            }

            var sizes = options.SmallCases > 0 ? new[] { options.SmallCases, options.Cases } : [options.Cases];
            var runs = new List<SamplingMeasurement>();
            foreach (var (name, newStore) in databases)
            {
                foreach (var size in sizes)
                {
                    runs.Add(await MeasureAsync(name, newStore, size, options, progress, cancellationToken));
                }
            }

            var full = runs.Where(r => r.Cases == options.Cases).ToList();
            bool? sameList = full.Count < 2 ? null : full.All(r => r.Selected.SequenceEqual(full[0].Selected, StringComparer.Ordinal)
                && r.PopulationHash == full[0].PopulationHash);
            return new SamplingBenchReport(options, runs, postgresUnavailable, sameList, Goals(runs, options),
                Environment.ProcessorCount, loadBefore, MachineLoad.OneMinute());
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static async Task<SamplingMeasurement> MeasureAsync(
        string name, Func<Task<BenchStore>> newStore, int cases, SamplingBenchOptions options, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await using var store = await newStore();
        var database = store.Database!;
        progress?.Report($"{name}: loading {cases:N0} cases");
        var clock = Stopwatch.StartNew();
        var deepDives = await SamplingBenchLoader.LoadAsync(database, cases, options.RegisterSeed, cancellationToken);
        var loadSeconds = clock.Elapsed.TotalSeconds;
        progress?.Report($"{name}: loaded {cases:N0} cases and {deepDives:N0} prior deep dives in {loadSeconds:0.0} s; warming up");

        var queries = new SamplingBenchQueries(database, SamplingBenchRegister.Round(options.SampleSize, options.DrawSeed));
        var floorCount = await queries.FloorAsync(cancellationToken);
        await queries.OrderedFloorAsync(cancellationToken);
        SampleDrawer.Result draw;
        try
        {
            draw = await queries.DrawAsync(cancellationToken);
        }
        catch (SampleDrawException e)
        {
            // The production draw refuses a population smaller than its sample rather than take it all.
            throw new ArgumentException(
                $"{name}: a register of {cases:N0} cases is too small for the bench's draw of {options.SampleSize}; give more cases (about 250 at least, for the small register too). {e.Message}",
                nameof(options), e);
        }

        await queries.NaiveAsync(options.SampleSize, cancellationToken);
        if (draw.Draw.PopulationCount != floorCount)
        {
            throw new InvalidOperationException($"{name}: the draw counted {draw.Draw.PopulationCount:N0} eligible cases but the floor read {floorCount:N0}; they should read the same population.");
        }

        var floors = new List<double>();
        var orderedFloors = new List<double>();
        var draws = new List<double>();
        var naives = new List<double>();
        for (var repeat = 0; repeat < options.Repeats; repeat++)
        {
            progress?.Report($"{name}, {cases:N0} cases: timing floor, ordered floor, draw and naive ({repeat + 1} of {options.Repeats})");
            // The order turns each repeat, so no query always runs right after the same other one.
            var steps = new Func<Task>[]
            {
                async () => floors.Add(await TimeAsync(() => queries.FloorAsync(cancellationToken))),
                async () => orderedFloors.Add(await TimeAsync(() => queries.OrderedFloorAsync(cancellationToken))),
                async () => draws.Add(await TimeAsync(() => queries.DrawAsync(cancellationToken))),
                async () => naives.Add(await TimeAsync(() => queries.NaiveAsync(options.SampleSize, cancellationToken))),
            };
            for (var i = 0; i < steps.Length; i++)
            {
                await steps[(i + repeat) % steps.Length]();
            }
        }

        progress?.Report($"{name}, {cases:N0} cases: measuring the draw's memory");
        var (measured, memory) = await SamplingBenchMemory.MeasureAsync(() => queries.DrawAsync(cancellationToken));
        var excluded = measured.Record.Exclusions.Sum(e => e.Count);
        return new SamplingMeasurement(
            name, cases, loadSeconds, deepDives, measured.Draw.PopulationCount, excluded, measured.Draw.Selected.Count, measured.Draw.Reserves.Count,
            measured.Draw.Algorithm, measured.Draw.PopulationHash,
            Median(floors), Median(orderedFloors), Median(draws), Median(naives),
            Median(draws.Zip(floors, (d, f) => d / f)), Median(draws.Zip(orderedFloors, (d, f) => d / f)), Median(naives.Zip(draws, (n, d) => n / d)),
            memory, measured.Draw.Selected);
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> operation)
    {
        var clock = Stopwatch.StartNew();
        await operation();
        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static List<BenchGoal> Goals(IReadOnlyList<SamplingMeasurement> runs, SamplingBenchOptions options)
    {
        static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
        var goals = new List<BenchGoal>();
        foreach (var full in runs.Where(r => r.Cases == options.Cases))
        {
            goals.Add(new BenchGoal(
                $"{full.Database}: draw within {F(DrawToFloorGoal, "0.0")}x the floor at {full.Cases:N0} cases",
                $"{F(full.DrawToFloor, "0.00")}x", full.DrawToFloor <= DrawToFloorGoal));
            if (runs.FirstOrDefault(r => r.Database == full.Database && r.Cases == options.SmallCases) is { } small)
            {
                var growth = full.DrawMemory.LivePeakMb / small.DrawMemory.LivePeakMb;
                goals.Add(new BenchGoal(
                    $"{full.Database}: the live managed heap during the draw at {full.Cases:N0} cases within {F(MemoryGrowthGoal, "0.0")}x of it at {small.Cases:N0}",
                    $"{F(full.DrawMemory.LivePeakMb, "0.0")} MB vs {F(small.DrawMemory.LivePeakMb, "0.0")} MB ({F(growth, "0.00")}x for {F((double)full.Cases / small.Cases, "0.#")}x the cases)",
                    growth <= MemoryGrowthGoal));
            }
        }

        return goals;
    }
}
