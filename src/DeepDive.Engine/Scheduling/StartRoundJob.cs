using DeepDive.Engine.Rounds;
using Quartz;

namespace DeepDive.Engine.Scheduling;

/// <summary>A cycle's trigger fired: open the round for this firing (late if it fell due while the service was down).</summary>
[DisallowConcurrentExecution]
public sealed class StartRoundJob(RoundStarter starter, TimeProvider clock) : IJob
{
    public const string PartnershipKey = "partnershipId";
    public const string CycleKey = "cycleId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var firing = await FiringResolver.ResolveAsync(context, clock, cancellationToken);
        await starter.StartScheduledAsync(data.GetString(PartnershipKey)!, data.GetString(CycleKey)!, firing, cancellationToken);
    }
}
