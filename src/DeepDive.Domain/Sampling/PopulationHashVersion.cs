namespace DeepDive.Domain.Sampling;

/// <summary>
/// Which population hash a draw computed. The draw's algorithm string names it (see
/// <see cref="PopulationHasher.AlgorithmSuffix"/>), so a stored hash is always checked with the version it was made with.
/// </summary>
public enum PopulationHashVersion
{
    /// <summary>
    /// SHA-256 over the lines ("reference LF", or "reference TAB stratum LF") in the order the cases were offered, which
    /// was reference order. Draws made before version 2; their algorithm string carries no hash suffix.
    /// </summary>
    OrderedSha256V1 = 1,

    /// <summary>
    /// The same lines, each digested on its own with XXH128 (seed 0) and the digests added modulo 2^128; the hash is
    /// SHA-256 of the text "population-hash-v2 LF count LF sum as 32 lower-case hex digits LF". Any order gives the same
    /// value. The algorithm string ends in "+population-hash-v2".
    /// </summary>
    MultisetV2 = 2,
}
