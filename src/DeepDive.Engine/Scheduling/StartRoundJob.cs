using DeepDive.Engine.FiringFailures;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Workflows.Data;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DeepDive.Engine.Scheduling;

/// <summary>
/// A cycle's trigger fired (or a moved firing's one-off trigger): open the round for this firing (late if it fell due
/// while the service was down), or move it to the next working day. A firing that cannot open its round is retried
/// when the error is transient and otherwise recorded as a failed firing (<see cref="FiringGuard"/>), never lost.
/// </summary>
[DisallowConcurrentExecution]
public sealed class StartRoundJob(RoundFiring firing, FiringGuard guard, TimeProvider clock, ILogger<StartRoundJob> logger) : IJob
{
    public const string PartnershipKey = "partnershipId";
    public const string CycleKey = "cycleId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var partnershipId = data.GetString(PartnershipKey)!;
        var cycleId = data.GetString(CycleKey)!;
        var scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        // A moved firing's one-off trigger carries the original firing; a cron firing is resolved from the cron (late after downtime).
        var original = MovedRoundScheduler.OriginalFiring(data) is { } movedFrom
            ? new FiringTime(movedFrom.UtcDateTime, clock.GetUtcNow() - scheduled > Domain.Cycles.Firings.LateAfter, [])
            : await FiringResolver.ResolveAsync(context, clock, cancellationToken);
        var subject = new FiringSubject(partnershipId, cycleId, RoundStarter.ScheduledFiringKey(cycleId, original.ScheduledForUtc),
            RoundKinds.Scheduled, null, original.ScheduledForUtc);
        await guard.RunAsync(subject, async token =>
        {
            var outcome = await firing.HandleAsync(partnershipId, cycleId, original, original.Late ? clock.GetUtcNow() : scheduled, token);
            if (outcome is RoundFiring.Opened { Round: null })
            {
                // Expected only when a dead node's job is recovered after it had opened the round, or the cycle was just paused.
                logger.LogWarning("Firing of cycle {CycleId} due {ScheduledForUtc:O} opened no round (already opened, or the cycle is not active); recovering: {Recovering}",
                    cycleId, original.ScheduledForUtc, context.Recovering);
            }

            return outcome is RoundFiring.Opened { Round: { } round } ? round.RoundId : null;
        }, cancellationToken);
    }
}
