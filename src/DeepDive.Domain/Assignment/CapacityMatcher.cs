namespace DeepDive.Domain.Assignment;

/// <summary>
/// Maximum matching of tasks to auditors where each auditor takes up to their free capacity (Kuhn's augmenting
/// paths, with each auditor's capacity as that many slots). Auditors are indexed; each task lists the auditors it
/// may go to, in order of preference.
/// </summary>
internal sealed class CapacityMatcher(int[] capacity, int[] existing, int[][] eligible)
{
    private readonly int auditorCount = capacity.Length;

    /// <summary>For each task, the auditor it goes to or -1, with no auditor's monthly load above <paramref name="ceiling"/>.</summary>
    public int[] Match(int ceiling)
    {
        var slots = new int[auditorCount];
        for (var a = 0; a < auditorCount; a++)
        {
            slots[a] = Math.Max(0, Math.Min(capacity[a], ceiling) - existing[a]);
        }

        var assigned = new int[eligible.Length];
        Array.Fill(assigned, -1);
        var holding = new List<int>[auditorCount];
        for (var a = 0; a < auditorCount; a++)
        {
            holding[a] = [];
        }

        var seen = new int[auditorCount];
        for (var t = 0; t < eligible.Length; t++)
        {
            if (!TakeFreeSlot(t, slots, assigned, holding))
            {
                // The visit mark is the task's number, so the array is not cleared between searches.
                Augment(t, slots, assigned, holding, seen, t + 1);
            }
        }

        return assigned;
    }

    /// <summary>Gives the task to the least-loaded eligible auditor who still has a free slot.</summary>
    private bool TakeFreeSlot(int t, int[] slots, int[] assigned, List<int>[] holding)
    {
        var pick = -1;
        foreach (var a in eligible[t])
        {
            if (holding[a].Count < slots[a] && (pick < 0 || existing[a] + holding[a].Count < existing[pick] + holding[pick].Count))
            {
                pick = a;
            }
        }

        if (pick < 0)
        {
            return false;
        }

        assigned[t] = pick;
        holding[pick].Add(t);
        return true;
    }

    /// <summary>Finds room for task <paramref name="t"/>, moving already placed tasks to other auditors if that makes room.</summary>
    private bool Augment(int t, int[] slots, int[] assigned, List<int>[] holding, int[] seen, int mark)
    {
        foreach (var a in eligible[t])
        {
            if (seen[a] == mark)
            {
                continue;
            }

            seen[a] = mark;
            if (holding[a].Count < slots[a])
            {
                assigned[t] = a;
                holding[a].Add(t);
                return true;
            }

            for (var i = 0; i < holding[a].Count; i++)
            {
                var other = holding[a][i];
                if (Augment(other, slots, assigned, holding, seen, mark))
                {
                    holding[a][i] = t;
                    assigned[t] = a;
                    return true;
                }
            }
        }

        return false;
    }
}
