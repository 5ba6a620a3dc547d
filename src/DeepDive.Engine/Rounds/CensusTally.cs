namespace DeepDive.Engine.Rounds;

/// <summary>
/// The census of a population counted while its matched cases stream by (<see cref="RoundStore.MatchedAsync"/>): each
/// exclusion's count, and the eligible cases, which it passes on. The same figures as <see cref="RoundStore.CensusAsync"/>
/// (without the number of families), without a second read of the register.
/// </summary>
internal sealed class CensusTally(IReadOnlyList<string> labels)
{
    private readonly int[] excluded = new int[labels.Count];
    private int eligible;
    private int eligibleInFamilies;

    /// <summary>The eligible cases of <paramref name="matched"/>; the rest are counted under the exclusion that left them out.</summary>
    public async IAsyncEnumerable<RoundStore.Member> EligibleAsync(IAsyncEnumerable<RoundStore.Member> matched)
    {
        await foreach (var m in matched)
        {
            if (m.ExcludedBy >= 0)
            {
                excluded[m.ExcludedBy]++;
                continue;
            }

            eligible++;
            if (m.FamilyRef is not null)
            {
                eligibleInFamilies++;
            }

            yield return m;
        }
    }

    /// <summary>The counts so far; complete once <see cref="EligibleAsync"/> has been read to the end.</summary>
    public RoundStore.Census Census => new(
        excluded.Sum() + eligible, labels.Select((label, i) => new Exclusion(label, excluded[i])).ToList(), eligible, eligibleInFamilies, 0);
}
