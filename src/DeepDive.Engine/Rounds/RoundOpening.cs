namespace DeepDive.Engine.Rounds;

/// <summary>
/// What <see cref="RoundStarter"/> needs to open one round: whose, of which cycle and kind, the workflow it runs, the
/// firing that opens it (its key makes the round id and seed) and the copy of the cycle the round keeps.
/// </summary>
/// <param name="Draw">Whether the sample is drawn now and stored with the round (a re-audit takes its cases later).</param>
/// <param name="Moved">When the firing was due and why the round opens later instead; null when it opens on time.</param>
/// <param name="Late">The firing ran late: the service was not running when it fell due.</param>
/// <param name="StartNote">Why the round opens when it does (late, rapid, retried by hand), if anything needs saying.</param>
public sealed record RoundOpening(
    string PartnershipId,
    string CycleId,
    string Kind,
    string Workflow,
    string FiringKey,
    DateTime ScheduledForUtc,
    string CycleJson,
    string? ParentRoundId = null,
    bool Draw = true,
    RoundOpening.Move? Moved = null,
    bool Late = false,
    string? StartNote = null)
{
    /// <summary>The instant the firing was due, and why the round opens later.</summary>
    public sealed record Move(DateTime FromUtc, string Reason);
}
