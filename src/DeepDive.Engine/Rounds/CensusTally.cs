namespace DeepDive.Engine.Rounds;

/// <summary>
/// The census of a population counted while its matched cases stream by (<see cref="RoundStore.ForEachMatchedAsync"/>): each
/// exclusion's count, and the eligible cases, which it lets through. The same figures as <see cref="RoundStore.CensusAsync"/>
/// (without the number of families, and without the cases in families when they were read in no order, which leaves
/// families out), without a second read of the register.
/// </summary>
internal sealed class CensusTally(IReadOnlyList<string> labels)
{
    private readonly int[] excluded = new int[labels.Count];
    private int eligible;
    private int eligibleInFamilies;

    /// <summary>Counts one matched case: true when it is eligible, else it is counted under the exclusion that left it out.</summary>
    public bool Admit(RoundStore.Member m)
    {
        if (m.ExcludedBy >= 0)
        {
            excluded[m.ExcludedBy]++;
            return false;
        }

        eligible++;
        if (m.FamilyRef is not null)
        {
            eligibleInFamilies++;
        }

        return true;
    }

    /// <summary>The counts so far; complete once every matched case has been admitted.</summary>
    public RoundStore.Census Census => new(
        excluded.Sum() + eligible, labels.Select((label, i) => new Exclusion(label, excluded[i])).ToList(), eligible, eligibleInFamilies, 0);
}
