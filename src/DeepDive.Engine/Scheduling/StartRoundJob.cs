using DeepDive.Engine.Rounds;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DeepDive.Engine.Scheduling;

/// <summary>A cycle's trigger fired (or a moved firing's one-off trigger): open the round for this firing, or move it to a working day.</summary>
[DisallowConcurrentExecution]
public sealed class StartRoundJob(RoundFiring firing, ILogger<StartRoundJob> logger) : IJob
{
    public const string PartnershipKey = "partnershipId";
    public const string CycleKey = "cycleId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        try
        {
            await firing.HandleAsync(data.GetString(PartnershipKey)!, data.GetString(CycleKey)!,
                MovedRoundScheduler.OriginalFiring(data) ?? scheduled, scheduled, cancellationToken);
        }
        catch (SampleDrawException e)
        {
            // Nothing was stored for the round; the cycle's next firing draws again.
            logger.LogError("The round of cycle {Cycle} due {Scheduled:u} was not opened: {Reason}", data.GetString(CycleKey), scheduled, e.Message);
        }
    }
}
