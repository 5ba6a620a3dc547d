namespace DeepDive.Domain.Sampling;

/// <summary>
/// The <c>capacity</c> cases with the lowest (rank, reference) seen so far, ties broken by ordinal reference: a max-heap
/// whose top is the worst kept case, ready to be pushed out. Memory is bounded by the capacity, whatever streams by.
/// </summary>
internal sealed class LowestRanks(int capacity)
{
    private readonly PriorityQueue<string, (ulong Rank, string Ref)> kept = new(capacity + 1, Comparer<(ulong Rank, string Ref)>.Create((a, b) =>
    {
        var byRank = b.Rank.CompareTo(a.Rank);
        return byRank != 0 ? byRank : string.CompareOrdinal(b.Ref, a.Ref);
    }));

    public void Offer(ulong rank, string caseRef)
    {
        if (capacity == 0)
        {
            return;
        }

        if (kept.Count < capacity)
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

    /// <summary>The kept cases from the lowest rank up; the heap is left empty.</summary>
    public List<string> Drain()
    {
        var ordered = new List<(ulong Rank, string Ref)>(kept.Count);
        while (kept.TryDequeue(out _, out var item))
        {
            ordered.Add(item);
        }

        ordered.Sort((a, b) => a.Rank != b.Rank ? a.Rank.CompareTo(b.Rank) : string.CompareOrdinal(a.Ref, b.Ref));
        return ordered.ConvertAll(o => o.Ref);
    }
}
