namespace DeepDive.Domain.Sampling;

/// <summary>
/// Systematic sampling with a random start: the population is taken in case-reference order (ordinal),
/// the interval is k = floor(N / n), the start r is drawn from the seed in [0, k), and the cases at
/// zero-based positions r, r + k, …, r + (n − 1)k are selected. The last pick is below nk ≤ N, so all
/// n picks always fall inside the population.
/// <para>
/// Reserves: the case right after each pick, in pick order; then the case two after each pick; and so on.
/// Reserve number j (zero-based) is at position r + (j mod n)·k + (j div n + 1). Offsets stay below k, so a
/// reserve is never a pick and the reserves keep the spread of the sample. At most n·(k − 1) reserves
/// exist; asking for more gives that many.
/// </para>
/// <para>
/// N must be known up front (the constructor takes it). Cases are then offered one at a time in strictly
/// increasing ordinal reference order (the order is the method here, whatever the population hash's version); one
/// pass, memory bounded by sample size plus reserve size.
/// </para>
/// </summary>
public sealed class SystematicSampler
{
    public const string Algorithm = "systematic-v1";

    /// <summary>The label hashed with the seed to draw the random start; part of the algorithm version.</summary>
    private const string StartLabel = "systematic-v1/start";

    private readonly long seed;
    private readonly int populationCount;
    private readonly string?[] selected;
    private readonly string?[] reserves;
    private readonly PopulationHasher populationHash;
    private string? previous;
    private int position;

    /// <param name="hashVersion">Version 1 unless given, so earlier callers repeat their draws; new draws pass <see cref="PopulationHasher.Latest"/>.</param>
    public SystematicSampler(
        long seed, int populationCount, int sampleSize, int reserveSize, PopulationHashVersion hashVersion = PopulationHashVersion.OrderedSha256V1)
    {
        if (sampleSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, $"The sample size must be at least 1; it was {sampleSize}.");
        }

        if (reserveSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(reserveSize), reserveSize, $"The reserve size cannot be negative; it was {reserveSize}.");
        }

        if (populationCount < sampleSize)
        {
            throw new ArgumentException(
                $"The sample size ({sampleSize}) is larger than the population ({populationCount}); a systematic sample needs at least as many cases as it draws.",
                nameof(sampleSize));
        }

        this.seed = seed;
        this.populationCount = populationCount;
        populationHash = PopulationHasher.Create(hashVersion);
        SampleSize = sampleSize;
        Interval = populationCount / sampleSize;
        Start = StartFor(seed, Interval);
        selected = new string?[sampleSize];
        reserves = new string?[(int)Math.Min(reserveSize, (long)sampleSize * (Interval - 1))];
    }

    public int SampleSize { get; }

    /// <summary>k = floor(N / n).</summary>
    public int Interval { get; }

    /// <summary>The zero-based position of the first pick, in [0, k).</summary>
    public int Start { get; }

    /// <summary>Offers the next case of the population; references must arrive in strictly increasing ordinal order.</summary>
    public void Offer(string caseRef) => Offer(caseRef, caseRef);

    /// <summary>
    /// Offers the next case of a population listed in another order (for example by family, one case per family):
    /// the order keys must arrive in strictly increasing ordinal order.
    /// </summary>
    public void Offer(string caseRef, string orderKey)
    {
        ArgumentNullException.ThrowIfNull(caseRef);
        ArgumentNullException.ThrowIfNull(orderKey);
        if (position >= populationCount)
        {
            throw new InvalidOperationException($"More cases were offered than the population count of {populationCount} given up front.");
        }

        if (previous is not null && string.CompareOrdinal(previous, orderKey) >= 0)
        {
            throw new InvalidOperationException(
                $"Cases must be offered in strictly increasing {(ReferenceEquals(orderKey, caseRef) ? "reference " : "")}order: '{orderKey}' came after '{previous}'.");
        }

        populationHash.Add(caseRef);
        var offset = position - Start;
        if (offset >= 0)
        {
            var pick = offset / Interval;
            var step = offset % Interval;
            if (pick < SampleSize)
            {
                if (step == 0)
                {
                    selected[pick] = caseRef;
                }
                else
                {
                    var reserve = ((long)(step - 1) * SampleSize) + pick;
                    if (reserve < reserves.Length)
                    {
                        reserves[reserve] = caseRef;
                    }
                }
            }
        }

        previous = orderKey;
        position++;
    }

    public SampleDraw Finish()
    {
        if (position != populationCount)
        {
            throw new InvalidOperationException(
                $"The population count was given as {populationCount} but {position} cases were offered; the interval would be wrong.");
        }

        var hash = populationHash.Finish();
        return new SampleDraw(Algorithm + PopulationHasher.AlgorithmSuffix(populationHash.Version), seed, populationCount, hash, selected.Select(s => s!).ToList(), reserves.Select(s => s!).ToList());
    }

    /// <summary>The random start for a seed: floor(h · k / 2^64) where h is the SHA-256 rank of (seed, label).</summary>
    public static int StartFor(long seed, int interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(interval, 1);
        var h = SeededSampler.Rank(seed, StartLabel);
        return (int)Math.BigMul(h, (ulong)interval, out _);
    }
}
