using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DeepDive.Domain.Sampling;

/// <summary>
/// Simple random sampling without replacement that anyone can repeat: each case gets a rank from the seed
/// and the case reference (<see cref="CaseRank"/>: SHA-256 in version 1, SipHash-2-4 in version 2) and the
/// lowest ranks are drawn, equal ranks going to the ordinal-first reference. The rank depends only on the seed and
/// the reference, never on row order or a database's random function, so the same population and seed
/// give the same list on every database and in whatever order the cases are offered. One pass, memory bounded by the
/// sample size. The population hash is version 1 (which needs the cases in reference order) unless another is given.
/// </summary>
public sealed class SeededSampler
{
    public const string Algorithm = "sha256-rank-v1";
    public const string AlgorithmV2 = "siphash-rank-v2";

    private readonly long seed;
    private readonly RankVersion rankVersion;
    private readonly int take;
    private readonly PriorityQueue<string, (ulong Rank, string Ref)> kept;
    private readonly PopulationHasher populationHash;
    private int count;

    /// <param name="rankVersion">Version 1 unless given, so earlier callers repeat their draws; new draws pass <see cref="CaseRank.Latest"/>.</param>
    /// <param name="hashVersion">Version 1 unless given, likewise; new draws pass <see cref="PopulationHasher.Latest"/>.</param>
    public SeededSampler(
        long seed, int sampleSize, int reserveSize, RankVersion rankVersion = RankVersion.Sha256V1,
        PopulationHashVersion hashVersion = PopulationHashVersion.OrderedSha256V1)
    {
        if (sampleSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleSize), sampleSize, "The sample size must be at least 1.");
        }

        if (reserveSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(reserveSize), reserveSize, "The reserve size cannot be negative.");
        }

        this.seed = seed;
        this.rankVersion = rankVersion;
        populationHash = PopulationHasher.Create(hashVersion);
        SampleSize = sampleSize;
        take = sampleSize + reserveSize;
        // A max-heap on rank: the worst kept case is at the top, ready to be pushed out.
        kept = new PriorityQueue<string, (ulong, string)>(take + 1, Comparer<(ulong Rank, string Ref)>.Create((a, b) =>
        {
            var byRank = b.Rank.CompareTo(a.Rank);
            return byRank != 0 ? byRank : string.CompareOrdinal(b.Ref, a.Ref);
        }));
    }

    public int SampleSize { get; }

    /// <summary>Offers one case of the population. With a version 1 population hash, cases must be offered in reference order for the hash to be repeatable.</summary>
    public void Offer(string caseRef)
    {
        count++;
        populationHash.Add(caseRef);
        var rank = CaseRank.Of(rankVersion, seed, caseRef);
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

    public SampleDraw Finish()
    {
        var ordered = new List<(ulong Rank, string Ref)>(kept.Count);
        while (kept.TryDequeue(out _, out var item))
        {
            ordered.Add(item);
        }

        ordered.Sort((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : string.CompareOrdinal(a.Ref, b.Ref));
        var refs = ordered.Select(o => o.Ref).ToList();
        var hash = populationHash.Finish();
        var algorithm = (rankVersion == RankVersion.Sha256V1 ? Algorithm : AlgorithmV2) + PopulationHasher.AlgorithmSuffix(populationHash.Version);
        return new SampleDraw(algorithm, seed, count, hash,
            refs.Take(SampleSize).ToList(), refs.Skip(SampleSize).ToList());
    }

    /// <summary>The version 1 rank: the first 8 bytes (big-endian) of SHA-256(seed as 8 little-endian bytes, UTF-8 reference).</summary>
    public static ulong Rank(long seed, string caseRef)
    {
        Span<byte> input = stackalloc byte[8 + Encoding.UTF8.GetMaxByteCount(caseRef.Length)];
        BinaryPrimitives.WriteInt64LittleEndian(input, seed);
        var written = Encoding.UTF8.GetBytes(caseRef, input[8..]);
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(input[..(8 + written)], digest);
        return BinaryPrimitives.ReadUInt64BigEndian(digest);
    }
}
