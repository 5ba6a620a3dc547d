using DeepDive.Engine.Calendars;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Rounds;

namespace DeepDive.Engine.Scheduling;

/// <summary>
/// What a firing of a cycle's trigger does: on a working day it opens the round; on any other day it schedules the
/// round for the same local time on the next working day, under the original firing's key, so it is neither lost
/// nor opened twice. The moved trigger comes back here and, the day now being a working day, opens the round.
/// </summary>
public sealed class RoundFiring(CycleStore cycles, CalendarStore calendars, RoundStarter starter, MovedRoundScheduler moved)
{
    public abstract record Outcome;

    public sealed record Opened(RoundStarter.Started? Round, bool WasMoved) : Outcome;

    public sealed record Deferred(DateTimeOffset OpensAt, string Reason) : Outcome;

    /// <param name="original">The firing of the cycle's cron trigger this is about (the round's key).</param>
    /// <param name="firing">When this trigger was due: the original firing, or the working day it was moved to.</param>
    public Task<Outcome> HandleAsync(string partnershipId, string cycleId, DateTimeOffset original, DateTimeOffset firing, CancellationToken cancellationToken) =>
        HandleAsync(partnershipId, cycleId, FiringTime.OnTime(original.UtcDateTime), firing, cancellationToken);

    /// <param name="originalFiring">The original firing, with whether it runs late (the service was down) and the earlier firings missed.</param>
    /// <param name="firing">When this trigger was due: the original firing, or the working day it was moved to.</param>
    public async Task<Outcome> HandleAsync(string partnershipId, string cycleId, FiringTime originalFiring, DateTimeOffset firing, CancellationToken cancellationToken)
    {
        var original = new DateTimeOffset(DateTime.SpecifyKind(originalFiring.ScheduledForUtc, DateTimeKind.Utc));
        var cycle = await cycles.GetAsync(partnershipId, cycleId, cancellationToken)
            ?? throw new InvalidOperationException($"Cycle '{cycleId}' of partnership '{partnershipId}' does not exist.");
        var calendar = await calendars.ForCycleAsync(partnershipId, cycle, cancellationToken);
        var plan = CycleFirings.Plan(cycle, calendar, original);
        if (plan.At > firing)
        {
            await moved.ScheduleAsync(partnershipId, cycleId, original, plan.At, cancellationToken);
            return new Deferred(plan.At, plan.Reason!);
        }

        var move = plan.WasMoved ? new RoundMove(plan.At.UtcDateTime, plan.Reason!) : null;
        var round = await starter.StartScheduledAsync(partnershipId, cycleId, originalFiring, move, cancellationToken);
        return new Opened(round, move is not null);
    }
}
