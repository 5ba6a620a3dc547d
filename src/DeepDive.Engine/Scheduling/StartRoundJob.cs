using DeepDive.Engine.Rounds;
using Microsoft.Extensions.Logging;
using Quartz;

namespace DeepDive.Engine.Scheduling;

/// <summary>A cycle's trigger fired: open the round for this firing.</summary>
[DisallowConcurrentExecution]
public sealed class StartRoundJob(RoundStarter starter, ILogger<StartRoundJob> logger) : IJob
{
    public const string PartnershipKey = "partnershipId";
    public const string CycleKey = "cycleId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var scheduled = (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcDateTime;
        try
        {
            await starter.StartScheduledAsync(data.GetString(PartnershipKey)!, data.GetString(CycleKey)!, scheduled, cancellationToken);
        }
        catch (SampleDrawException e)
        {
            // Nothing was stored for the round; the cycle's next firing draws again.
            logger.LogError("The round of cycle {Cycle} due {Scheduled:u} was not opened: {Reason}", data.GetString(CycleKey), scheduled, e.Message);
        }
    }
}
