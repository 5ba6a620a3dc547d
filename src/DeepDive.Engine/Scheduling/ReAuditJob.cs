using DeepDive.Engine.Rounds;
using Quartz;

namespace DeepDive.Engine.Scheduling;

/// <summary>A re-audit fell due: open the re-audit round of the source round's cases that needed work.</summary>
public sealed class ReAuditJob(RoundStarter starter) : IJob
{
    public const string PartnershipKey = "partnershipId";
    public const string SourceRoundKey = "sourceRoundId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var scheduled = (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcDateTime;
        await starter.StartReAuditAsync(data.GetString(PartnershipKey)!, data.GetString(SourceRoundKey)!, scheduled, cancellationToken);
    }
}
