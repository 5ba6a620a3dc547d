namespace DeepDive.Domain.Sampling;

/// <summary>
/// The same stratified draw as <see cref="StratifiedSampler"/> (same allocation, same ranks, same lists, same population
/// hash and algorithm string) in one pass, without counting the strata first. No stratum is ever allocated more than
/// the sample size, nor given more reserves than <c>reserveSize</c>, so while the cases stream by each stratum keeps its
/// <c>sampleSize + reserveSize</c> lowest ranks and counts its cases; <see cref="Finish"/> then allocates from the
/// counts and takes each stratum's allocation and reserves from what it kept. Memory is bounded by the number of
/// strata times (sample size + reserves), whatever the population's size.
/// <para>
/// Reserves: <c>ceil(reserveSize / number of strata)</c> per stratum, at most what the stratum has left. When the
/// population is smaller than the sample size, every case is drawn. An empty population cannot be drawn from:
/// check <see cref="PopulationCount"/> first.
/// </para>
/// </summary>
public sealed class OnePassStratifiedSampler
{
    private readonly long seed;
    private readonly RankVersion rankVersion;
    private readonly StratumAllocation allocation;
    private readonly int reserveSize;
    private readonly int keepPerStratum;
    private readonly Dictionary<string, Stratum> strata = new(StringComparer.Ordinal);
    private readonly PopulationHasher populationHash = new();

    public OnePassStratifiedSampler(long seed, int sampleSize, StratumAllocation allocation, int reserveSize, RankVersion rankVersion)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        if (sampleSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, $"The sample size must be at least 1; it was {sampleSize}.");
        }

        if (reserveSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(reserveSize), reserveSize, $"The reserve size cannot be negative; it was {reserveSize}.");
        }

        this.seed = seed;
        this.rankVersion = rankVersion;
        this.allocation = allocation;
        this.reserveSize = reserveSize;
        SampleSize = sampleSize;
        keepPerStratum = sampleSize + reserveSize;
    }

    /// <summary>The sample size asked for; the draw takes fewer only when the population is smaller.</summary>
    public int SampleSize { get; }

    /// <summary>How many cases have been offered.</summary>
    public int PopulationCount { get; private set; }

    /// <summary>Offers one case and its stratum key. Cases should be offered in reference order for the population hash to be repeatable.</summary>
    public void Offer(string caseRef, string stratum)
    {
        ArgumentNullException.ThrowIfNull(caseRef);
        ArgumentNullException.ThrowIfNull(stratum);
        if (!strata.TryGetValue(stratum, out var s))
        {
            s = new Stratum(keepPerStratum);
            strata.Add(stratum, s);
        }

        PopulationCount++;
        s.Size++;
        populationHash.Add(caseRef, stratum);
        s.Kept.Offer(CaseRank.Of(rankVersion, seed, caseRef), caseRef);
    }

    public StratifiedDraw Finish()
    {
        if (PopulationCount == 0)
        {
            throw new InvalidOperationException("No cases were offered: an empty population cannot be drawn from.");
        }

        var sizes = strata.ToDictionary(kv => kv.Key, kv => kv.Value.Size, StringComparer.Ordinal);
        var sampleSize = Math.Min(SampleSize, PopulationCount);
        var allocated = StratifiedSampler.Allocate(sizes, sampleSize, allocation);
        var reservesPerStratum = (int)Math.Ceiling(reserveSize / (double)strata.Count);
        var selected = new List<string>(sampleSize);
        var reserves = new List<string>();
        var results = new List<StratumResult>(strata.Count);
        foreach (var (key, s) in strata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var picks = allocated[key];
            var ordered = s.Kept.Drain();
            selected.AddRange(ordered.Take(picks));
            reserves.AddRange(ordered.Skip(picks).Take(Math.Min(reservesPerStratum, s.Size - picks)));
            results.Add(new StratumResult(key, s.Size, picks, picks, picks == s.Size));
        }

        var algorithm = StratifiedSampler.AlgorithmName(rankVersion, allocation);
        return new StratifiedDraw(new SampleDraw(algorithm, seed, PopulationCount, populationHash.Finish(), selected, reserves), results);
    }

    private sealed class Stratum(int keep)
    {
        public LowestRanks Kept { get; } = new(keep);

        public int Size { get; set; }
    }
}
