using DeepDive.Engine.Rounds;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DeepDive.Engine.Scheduling;

/// <summary>
/// A cycle's trigger fired (or a moved firing's one-off trigger): open the round for this firing (late if it fell due
/// while the service was down), or move it to the next working day.
/// </summary>
[DisallowConcurrentExecution]
public sealed class StartRoundJob(RoundFiring firing, TimeProvider clock, ILogger<StartRoundJob> logger) : IJob
{
    public const string PartnershipKey = "partnershipId";
    public const string CycleKey = "cycleId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var cycleId = data.GetString(CycleKey)!;
        var scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        // A moved firing's one-off trigger carries the original firing; a cron firing is resolved from the cron (late after downtime).
        var original = MovedRoundScheduler.OriginalFiring(data) is { } movedFrom
            ? new FiringTime(movedFrom.UtcDateTime, clock.GetUtcNow() - scheduled > Domain.Cycles.Firings.LateAfter, [])
            : await FiringResolver.ResolveAsync(context, clock, cancellationToken);
        try
        {
            var outcome = await firing.HandleAsync(data.GetString(PartnershipKey)!, cycleId, original, original.Late ? clock.GetUtcNow() : scheduled, cancellationToken);
            if (outcome is RoundFiring.Opened { Round: null })
            {
                // Expected only when a dead node's job is recovered after it had opened the round, or the cycle was just paused.
                logger.LogWarning("Firing of cycle {CycleId} due {ScheduledForUtc:O} opened no round (already opened, or the cycle is not active); recovering: {Recovering}",
                    cycleId, original.ScheduledForUtc, context.Recovering);
            }
        }
        catch (SampleDrawException e)
        {
            // Nothing was stored for the round; the cycle's next firing draws again.
            logger.LogError("The round of cycle {Cycle} due {Scheduled:u} was not opened: {Reason}", cycleId, scheduled, e.Message);
        }
    }
}
