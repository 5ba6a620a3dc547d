namespace DeepDive.Domain.Sampling;

/// <summary>One stratum's part in a draw. <see cref="TakenWhole"/> is set when every case of the stratum is in the sample.</summary>
public sealed record StratumResult(string Key, int Size, int Allocated, int Drawn, bool TakenWhole);

/// <summary>A stratified draw: the combined sample and reserves, and what each stratum contributed.</summary>
public sealed record StratifiedDraw(SampleDraw Draw, IReadOnlyList<StratumResult> Strata);

/// <summary>
/// Stratified random sampling. The caller supplies each case's stratum key; the sample size n is shared
/// between strata by a <see cref="StratumAllocation"/>, and within a stratum the cases with the lowest
/// <see cref="CaseRank"/> for the seed are drawn — the same simple random rule as
/// <see cref="SeededSampler"/>, equal ranks going to the ordinal-first reference, so the draw does not depend on the
/// order cases arrive in.
/// <para>
/// Two passes: the allocation, and so each stratum's heap capacity, needs every stratum's size before any
/// case is ranked. The caller therefore counts first (for example a GROUP BY over the population after
/// exclusions) and gives the sizes to the constructor; it then streams the cases once through
/// <see cref="Offer"/>. <see cref="Finish"/> refuses if the cases offered do not match the counts given.
/// Memory is bounded by the sample size, the reserves and the number of strata.
/// </para>
/// <para>
/// The result lists strata in ordinal key order; Selected is each stratum's picks in rank order, stratum
/// after stratum, and Reserves likewise (up to <c>reservesPerStratum</c> per stratum, so a replacement can
/// come from the same stratum). The population hash covers "reference TAB stratum LF" per case; with a version 1 hash
/// cases must be offered in reference order for it to be repeatable, a version 2 hash is the same in any order. The
/// algorithm string is "stratified-v1/" plus the allocation name with version 1 ranks (SHA-256), "stratified-v2/" with
/// version 2 (SipHash-2-4), followed by the hash's <see cref="PopulationHasher.AlgorithmSuffix"/>.
/// </para>
/// </summary>
public sealed class StratifiedSampler
{
    public const string AlgorithmVersion = "stratified-v1";
    public const string AlgorithmVersion2 = "stratified-v2";

    private readonly long seed;
    private readonly RankVersion rankVersion;
    private readonly Dictionary<string, Stratum> strata;
    private readonly PopulationHasher populationHash;
    private readonly string algorithm;
    private readonly StratumAllocation allocation;
    private int reservesPerStratum;
    private readonly int reserveSize;

    /// <summary>True when the strata were not counted up front: they are counted as cases arrive and allocated at <see cref="Finish"/>.</summary>
    private readonly bool counting;

    /// <param name="rankVersion">Version 1 unless given, so earlier callers repeat their draws; new draws pass <see cref="CaseRank.Latest"/>.</param>
    /// <param name="hashVersion">Version 1 unless given, likewise; new draws pass <see cref="PopulationHasher.Latest"/>.</param>
    public StratifiedSampler(
        long seed, IReadOnlyDictionary<string, int> stratumSizes, int sampleSize, StratumAllocation allocation, int reservesPerStratum = 0,
        RankVersion rankVersion = RankVersion.Sha256V1, PopulationHashVersion hashVersion = PopulationHashVersion.OrderedSha256V1)
    {
        ArgumentNullException.ThrowIfNull(stratumSizes);
        ArgumentNullException.ThrowIfNull(allocation);
        if (sampleSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, $"The sample size must be at least 1; it was {sampleSize}.");
        }

        if (reservesPerStratum < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(reservesPerStratum), reservesPerStratum, $"The reserves per stratum cannot be negative; it was {reservesPerStratum}.");
        }

        foreach (var (key, size) in stratumSizes)
        {
            if (size < 1)
            {
                throw new ArgumentException($"Stratum '{key}' has size {size}; every stratum given must have at least 1 case.", nameof(stratumSizes));
            }
        }

        var population = stratumSizes.Values.Sum(s => (long)s);
        if (sampleSize > population)
        {
            throw new ArgumentException($"The sample size ({sampleSize}) is larger than the population ({population}).", nameof(sampleSize));
        }

        var allocated = Allocate(stratumSizes, sampleSize, allocation);
        this.seed = seed;
        this.rankVersion = rankVersion;
        this.allocation = allocation;
        this.reservesPerStratum = reservesPerStratum;
        populationHash = PopulationHasher.Create(hashVersion);
        SampleSize = sampleSize;
        algorithm = AlgorithmName(rankVersion, allocation, hashVersion);
        strata = stratumSizes.ToDictionary(
            kv => kv.Key,
            kv => new Stratum(kv.Value, allocated[kv.Key] + Math.Min(reservesPerStratum, kv.Value - allocated[kv.Key])),
            StringComparer.Ordinal);
    }

    private StratifiedSampler(long seed, int sampleSize, StratumAllocation allocation, int reserveSize, RankVersion rankVersion, PopulationHashVersion hashVersion)
    {
        this.seed = seed;
        this.rankVersion = rankVersion;
        this.allocation = allocation;
        this.reserveSize = reserveSize;
        populationHash = PopulationHasher.Create(hashVersion);
        SampleSize = sampleSize;
        algorithm = AlgorithmName(rankVersion, allocation, hashVersion);
        strata = new Dictionary<string, Stratum>(StringComparer.Ordinal);
        counting = true;
    }

    /// <summary>
    /// A sampler that counts the strata as the cases arrive, in one pass: no stratum can be allocated more than the
    /// sample size, so each keeps its best <c>sampleSize + reserveSize</c> cases and the allocation is made at
    /// <see cref="Finish"/> from the counts. The reserves are shared: each stratum gives up to
    /// ceil(reserveSize / number of strata). It gives exactly the draw that counting first, then constructing with those
    /// sizes and that many reserves per stratum, would give. Memory is bounded by the number of strata times the sample
    /// size plus reserves; <see cref="Finish"/> refuses a population smaller than the sample.
    /// </summary>
    /// <param name="rankVersion">Version 1 unless given, so earlier callers repeat their draws; new draws pass <see cref="CaseRank.Latest"/>.</param>
    /// <param name="hashVersion">Version 1 unless given, likewise; new draws pass <see cref="PopulationHasher.Latest"/>.</param>
    public static StratifiedSampler Counting(
        long seed, int sampleSize, StratumAllocation allocation, int reserveSize = 0, RankVersion rankVersion = RankVersion.Sha256V1,
        PopulationHashVersion hashVersion = PopulationHashVersion.OrderedSha256V1)
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

        return new StratifiedSampler(seed, sampleSize, allocation, reserveSize, rankVersion, hashVersion);
    }

    public int SampleSize { get; }

    /// <summary>The number each stratum will contribute, fixed at construction (not known before <see cref="Finish"/> for a counting sampler).</summary>
    public IReadOnlyDictionary<string, int> Allocation => counting
        ? throw new InvalidOperationException("A counting sampler allocates when it finishes.")
        : Allocate(strata.ToDictionary(kv => kv.Key, kv => kv.Value.Size!.Value, StringComparer.Ordinal), SampleSize, allocation);

    /// <summary>Offers one case and its stratum key; the key must be one of the strata counted up front.</summary>
    public void Offer(string caseRef, string stratum)
    {
        ArgumentNullException.ThrowIfNull(caseRef);
        ArgumentNullException.ThrowIfNull(stratum);
        if (!strata.TryGetValue(stratum, out var s))
        {
            if (!counting)
            {
                throw new InvalidOperationException($"Case '{caseRef}' is in stratum '{stratum}', which was not among the strata counted up front.");
            }

            s = new Stratum(null, SampleSize + reserveSize);
            strata.Add(stratum, s);
        }

        populationHash.Add(caseRef, stratum);
        s.Offer(CaseRank.Of(rankVersion, seed, caseRef), caseRef);
    }

    public StratifiedDraw Finish()
    {
        foreach (var (key, s) in strata)
        {
            if (s.Size is { } size && s.Offered != size)
            {
                throw new InvalidOperationException(
                    $"Stratum '{key}' was counted as {size} cases but {s.Offered} were offered; the allocation would be wrong.");
            }
        }

        var sizes = strata.ToDictionary(kv => kv.Key, kv => kv.Value.Offered, StringComparer.Ordinal);
        if (counting && strata.Count > 0)
        {
            reservesPerStratum = (reserveSize + strata.Count - 1) / strata.Count;
        }

        var population = sizes.Values.Sum(v => (long)v);
        if (SampleSize > population)
        {
            throw new ArgumentException($"The sample size ({SampleSize}) is larger than the population ({population}).");
        }

        var allocated = Allocate(sizes, SampleSize, allocation);
        var selected = new List<string>(SampleSize);
        var reserves = new List<string>();
        var results = new List<StratumResult>(strata.Count);
        foreach (var (key, s) in strata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            var take = allocated[key];
            var ordered = s.Drain();
            selected.AddRange(ordered.Take(take));
            reserves.AddRange(ordered.Skip(take).Take(Math.Min(reservesPerStratum, s.Offered - take)));
            var drawn = Math.Min(take, ordered.Count);
            results.Add(new StratumResult(key, s.Offered, take, drawn, drawn == s.Offered));
        }

        var hash = populationHash.Finish();
        return new StratifiedDraw(new SampleDraw(algorithm, seed, (int)population, hash, selected, reserves), results);
    }

    /// <summary>The algorithm string a stratified draw records: its version (from the rank version), its allocation and its population hash.</summary>
    public static string AlgorithmName(
        RankVersion rankVersion, StratumAllocation allocation, PopulationHashVersion hashVersion = PopulationHashVersion.OrderedSha256V1) =>
        (rankVersion == RankVersion.Sha256V1 ? AlgorithmVersion : AlgorithmVersion2) + "/" + allocation.Name + PopulationHasher.AlgorithmSuffix(hashVersion);

    /// <summary>Shares n between strata; the result sums exactly to n and never exceeds a stratum's size.</summary>
    public static IReadOnlyDictionary<string, int> Allocate(IReadOnlyDictionary<string, int> stratumSizes, int sampleSize, StratumAllocation allocation)
    {
        ArgumentNullException.ThrowIfNull(stratumSizes);
        ArgumentNullException.ThrowIfNull(allocation);
        var population = stratumSizes.Values.Sum(s => (long)s);
        if (sampleSize < 1 || sampleSize > population)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, $"The sample size must be between 1 and the population ({population}); it was {sampleSize}.");
        }

        var keys = stratumSizes.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();
        var result = keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        var remaining = sampleSize;
        if (allocation is StratumAllocation.MinimumAllocation min)
        {
            foreach (var k in keys)
            {
                result[k] = Math.Min(min.Minimum, stratumSizes[k]);
            }

            var floors = result.Values.Sum();
            if (floors > sampleSize)
            {
                throw new ArgumentException(
                    $"A minimum of {min.Minimum} per stratum over {keys.Count} strata needs {floors} cases, more than the sample size of {sampleSize}.",
                    nameof(allocation));
            }

            remaining -= floors;
        }

        // Largest remainder over each stratum's unallocated cases: quota = remaining · w / W, exact in integers.
        var weights = keys.ToDictionary(k => k, k => (long)stratumSizes[k] - result[k], StringComparer.Ordinal);
        var total = weights.Values.Sum();
        if (remaining == 0 || total == 0)
        {
            return result;
        }

        var remainders = new List<(string Key, long Remainder)>(keys.Count);
        var given = 0;
        foreach (var k in keys)
        {
            var quota = Math.DivRem(remaining * weights[k], total, out var rem);
            result[k] += (int)quota;
            given += (int)quota;
            remainders.Add((k, rem));
        }

        // Ties go to the larger stratum, then to the ordinal-first key, so the rule is repeatable.
        foreach (var (k, _) in remainders
            .OrderByDescending(r => r.Remainder)
            .ThenByDescending(r => stratumSizes[r.Key])
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .Take(remaining - given))
        {
            result[k]++;
        }

        return result;
    }

    private sealed class Stratum(int? size, int take)
    {
        // A max-heap on (rank, ref): the worst kept case is on top, ready to be pushed out.
        private readonly PriorityQueue<string, (ulong Rank, string Ref)> kept = new(take + 1, Comparer<(ulong Rank, string Ref)>.Create((a, b) =>
        {
            var byRank = b.Rank.CompareTo(a.Rank);
            return byRank != 0 ? byRank : string.CompareOrdinal(b.Ref, a.Ref);
        }));

        /// <summary>The size counted up front; null when the sampler counts as it goes.</summary>
        public int? Size { get; } = size;

        public int Offered { get; private set; }

        public void Offer(ulong rank, string caseRef)
        {
            Offered++;
            if (take == 0)
            {
                return;
            }

            if (kept.Count < take)
            {
                kept.Enqueue(caseRef, (rank, caseRef));
                return;
            }

            kept.TryPeek(out _, out var worst);
            if (rank < worst.Rank || (rank == worst.Rank && string.CompareOrdinal(caseRef, worst.Ref) < 0))
            {
                kept.DequeueEnqueue(caseRef, (rank, caseRef));
            }
        }

        public List<string> Drain()
        {
            var ordered = new List<(ulong Rank, string Ref)>(kept.Count);
            while (kept.TryDequeue(out _, out var item))
            {
                ordered.Add(item);
            }

            ordered.Sort((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : string.CompareOrdinal(a.Ref, b.Ref));
            return ordered.Select(o => o.Ref).ToList();
        }
    }
}
