using Quartz;

namespace DeepDive.Engine.Scheduling;

/// <summary>Puts a re-audit on the calendar as a Quartz one-off trigger, once per source round.</summary>
public sealed class ReAuditScheduler(ISchedulerFactory schedulers)
{
    public static JobKey JobFor(string partnershipId, string sourceRoundId) => new($"{partnershipId}/{sourceRoundId}", "re-audit");

    public async Task ScheduleAsync(string partnershipId, string sourceRoundId, DateTime dueUtc, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = JobFor(partnershipId, sourceRoundId);
        if (await scheduler.Exists(key, cancellationToken))
        {
            return;
        }

        var job = JobBuilder.Create<ReAuditJob>()
            .WithIdentity(key)
            .UsingJobData(ReAuditJob.PartnershipKey, partnershipId)
            .UsingJobData(ReAuditJob.SourceRoundKey, sourceRoundId)
            // Run again on another node if this one dies mid-job; the re-audit's firing key opens one round.
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key.Name, key.Group)
            .StartAt(new DateTimeOffset(DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc)))
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        try
        {
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions(), cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another run of the same step got there first: the re-audit is scheduled once.
        }
    }
}
