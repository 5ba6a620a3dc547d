using DeepDive.Engine.Rounds;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DeepDive.Engine.Scheduling;

/// <summary>A cycle's trigger fired: open the round for this firing (late if it fell due while the service was down).</summary>
[DisallowConcurrentExecution]
public sealed class StartRoundJob(RoundStarter starter, TimeProvider clock, ILogger<StartRoundJob> logger) : IJob
{
    public const string PartnershipKey = "partnershipId";
    public const string CycleKey = "cycleId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var cycleId = data.GetString(CycleKey)!;
        var firing = await FiringResolver.ResolveAsync(context, clock, cancellationToken);
        if (await starter.StartScheduledAsync(data.GetString(PartnershipKey)!, cycleId, firing, cancellationToken) is null)
        {
            // Expected only when a dead node's job is recovered after it had opened the round, or the cycle was just paused.
            logger.LogWarning("Firing of cycle {CycleId} due {ScheduledForUtc:O} opened no round (already opened, or the cycle is not active); recovering: {Recovering}",
                cycleId, firing.ScheduledForUtc, context.Recovering);
        }
    }
}
