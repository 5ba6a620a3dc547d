using DeepDive.Engine.FiringFailures;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Workflows.Data;
using Quartz;

namespace DeepDive.Engine.Scheduling;

/// <summary>
/// A re-audit fell due: open the re-audit round of the source round's cases that needed work. Like a cycle's firing,
/// it ends with the round opened or a failed firing recorded (<see cref="FiringGuard"/>).
/// </summary>
public sealed class ReAuditJob(RoundStarter starter, RoundStore rounds, FiringGuard guard) : IJob
{
    public const string PartnershipKey = "partnershipId";
    public const string SourceRoundKey = "sourceRoundId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var partnershipId = data.GetString(PartnershipKey)!;
        var sourceRoundId = data.GetString(SourceRoundKey)!;
        var scheduled = (context.ScheduledFireTimeUtc ?? context.FireTimeUtc).UtcDateTime;
        var cycleId = await CycleOfAsync(partnershipId, sourceRoundId, cancellationToken);
        var subject = new FiringSubject(partnershipId, cycleId, RoundStarter.ReAuditFiringKey(sourceRoundId), RoundKinds.ReAudit, sourceRoundId, scheduled);
        await guard.RunAsync(subject, async token =>
            (await starter.StartReAuditAsync(partnershipId, sourceRoundId, scheduled, token))?.RoundId, cancellationToken);
    }

    private async Task<string> CycleOfAsync(string partnershipId, string sourceRoundId, CancellationToken cancellationToken)
    {
        try
        {
            return (await rounds.CycleOfAsync(partnershipId, sourceRoundId, cancellationToken)) ?? "(unknown cycle)";
        }
        catch (Exception e) when (TransientFaults.IsTransient(e))
        {
            // The guard's own attempts will meet the same fault and record it; the cycle is only its label.
            return "(unknown cycle)";
        }
    }
}
