using DeepDive.Engine.Rounds;

namespace DeepDive.Simulation;

/// <summary>
/// An invented QA manager reviewing a draw that waits for review, through the same sample list as
/// <c>deepdive sample replace</c> and <c>sample lock</c>: one case of the list is replaced with a plausible reason
/// (which case, and why, fixed by the seed), then the list is locked.
/// </summary>
public sealed class SimulatedQaManager(int seed)
{
    public const string Name = "QA manager (simulated)";

    private static readonly string[] Reasons =
    [
        "moved out of area",
        "case transferred to another local authority",
        "family already part of a child safeguarding practice review",
        "case closed in error and reopened under a new reference",
    ];

    public async Task ReviewAsync(SampleList lists, string partnershipId, string roundId, CancellationToken cancellationToken)
    {
        var cases = await lists.CasesAsync(roundId, cancellationToken);
        var random = SeededRandom.For(seed, roundId);
        if (cases.Count > 0)
        {
            var replaced = cases[random.Next(cases.Count)];
            try
            {
                await lists.ReplaceAsync(partnershipId, roundId, replaced, Name, Reasons[random.Next(Reasons.Length)], cancellationToken);
            }
            catch (SampleListRefusedException)
            {
                // No reserve left: the manager keeps the list as drawn, as a real one would rather than add a case by hand.
            }
        }

        await lists.LockAsync(partnershipId, roundId, Name, cancellationToken);
    }
}
