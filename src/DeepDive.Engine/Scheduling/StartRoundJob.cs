using DeepDive.Engine.Rounds;
using Quartz;

namespace DeepDive.Engine.Scheduling;

/// <summary>A cycle's trigger fired: open the round for this firing.</summary>
[DisallowConcurrentExecution]
public sealed class StartRoundJob(RoundStarter starter) : IJob
{
    public const string PartnershipKey = "partnershipId";
    public const string CycleKey = "cycleId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var scheduled = (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcDateTime;
        await starter.StartScheduledAsync(data.GetString(PartnershipKey)!, data.GetString(CycleKey)!, scheduled, cancellationToken);
    }
}
