namespace DeepDive.Domain.Sampling;

/// <summary>
/// The hash of a draw's population: one line per case ("reference LF", or "reference TAB stratum LF" for a stratified
/// draw), so that anyone holding the register can recompute it and answer a committee's question "has the population
/// changed since the draw?". Version 1 (<see cref="PopulationHashVersion.OrderedSha256V1"/>) hashed the lines in
/// reference order, which made every draw read the register sorted. Version 2
/// (<see cref="PopulationHashVersion.MultisetV2"/>) is a multiset hash: each line is digested on its own and the digests
/// are added, so the cases can be read in whatever order the database finds them.
/// <para>
/// Why version 2 answers the question: two populations get the same hash only if they hold the same cases (and, when
/// stratified, each in the same stratum) or by a chance collision of the 128-bit sum, about one in 2^128 for any change
/// that is not built on purpose; the count is hashed in as well. What it does not do, unlike version 1: resist someone
/// who fabricates case references to forge a match. XXH128 is not a cryptographic hash and a sum of digests can be
/// steered by choosing many inputs, so the hash is evidence that the population read again is the one drawn from, not a
/// seal against a deliberate forgery; the filter, the as-at time, the count and the exclusion counts are recorded beside
/// it. SHA-256 per line would not change that (the sum is the weak part) and costs about 40 times as much per case.
/// </para>
/// </summary>
public abstract class PopulationHasher
{
    /// <summary>The suffix of the algorithm string of a version 2 hash.</summary>
    public const string MultisetSuffix = "+population-hash-v2";

    /// <summary>What new draws use.</summary>
    public const PopulationHashVersion Latest = PopulationHashVersion.MultisetV2;

    private protected PopulationHasher()
    {
    }

    /// <summary>An empty hasher of a version.</summary>
    public static PopulationHasher Create(PopulationHashVersion version) => version switch
    {
        PopulationHashVersion.OrderedSha256V1 => new OrderedPopulationHasher(),
        PopulationHashVersion.MultisetV2 => new MultisetPopulationHasher(),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, $"There is no population hash version {(int)version}."),
    };

    /// <summary>What a draw's algorithm string carries for a hash version: nothing for version 1, <see cref="MultisetSuffix"/> for version 2.</summary>
    public static string AlgorithmSuffix(PopulationHashVersion version) => version switch
    {
        PopulationHashVersion.OrderedSha256V1 => "",
        PopulationHashVersion.MultisetV2 => MultisetSuffix,
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, $"There is no population hash version {(int)version}."),
    };

    /// <summary>The hash version a stored draw's algorithm string names (version 1 when it names none).</summary>
    public static PopulationHashVersion VersionOf(string algorithm)
    {
        ArgumentNullException.ThrowIfNull(algorithm);
        return algorithm.Contains(MultisetSuffix, StringComparison.Ordinal) ? PopulationHashVersion.MultisetV2 : PopulationHashVersion.OrderedSha256V1;
    }

    public abstract PopulationHashVersion Version { get; }

    /// <summary>Adds the line "reference LF".</summary>
    public void Add(string caseRef) => Add(caseRef, null);

    /// <summary>Adds the line "reference LF", or "reference TAB stratum LF" when a stratum is given.</summary>
    public abstract void Add(string caseRef, string? stratum);

    /// <summary>The hash as 64 lower-case hex digits; the hasher starts again empty.</summary>
    public abstract string Finish();
}
