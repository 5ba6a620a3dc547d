namespace DeepDive.Domain.Sampling;

/// <summary>
/// At most one case per family in a sample: of the cases that share a family reference, only the one with the lowest
/// <see cref="CaseRank"/> for the seed (ties to the ordinal-first reference) stays in the population; its
/// siblings are excluded and counted. It is the case a simple random draw would reach first, so the rule never changes
/// which family is drawn, only that one child of it is. Cases of one family must be offered next to each other (the
/// population listed by family); a case without a family reference is a family of its own. Memory: one case.
/// Rank with the draw's own rank version (version 1 unless given), so the kept case is the one the draw would reach first.
/// </summary>
public sealed class OnePerFamily<T>(long seed, Func<T, string> caseRefOf, RankVersion rankVersion = RankVersion.Sha256V1)
    where T : class
{
    private T? best;
    private ulong bestRank;
    private string? family;

    /// <summary>How many cases were left out because a sibling ranked better.</summary>
    public int Excluded { get; private set; }

    /// <summary>Offers the next case; adds to <paramref name="settled"/> each case that now stays in the population (none, one or two).</summary>
    public void Offer(T item, string? familyRef, ICollection<T> settled)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(settled);
        if (familyRef is null)
        {
            Finish(settled);
            settled.Add(item);
            return;
        }

        var rank = CaseRank.Of(rankVersion, seed, caseRefOf(item));
        if (best is not null && string.Equals(family, familyRef, StringComparison.Ordinal))
        {
            Excluded++;
            if (rank < bestRank || (rank == bestRank && string.CompareOrdinal(caseRefOf(item), caseRefOf(best)) < 0))
            {
                best = item;
                bestRank = rank;
            }

            return;
        }

        Finish(settled);
        best = item;
        bestRank = rank;
        family = familyRef;
    }

    /// <summary>Settles the family being read, at the end of the population.</summary>
    public void Finish(ICollection<T> settled)
    {
        ArgumentNullException.ThrowIfNull(settled);
        if (best is not null)
        {
            settled.Add(best);
            best = null;
            family = null;
        }
    }
}
