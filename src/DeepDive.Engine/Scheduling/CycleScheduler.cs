using DeepDive.Domain.Cycles;
using Quartz;

namespace DeepDive.Engine.Scheduling;

/// <summary>Keeps one durable Quartz job and cron trigger per cycle, in the cycle's time zone.</summary>
public sealed class CycleScheduler(ISchedulerFactory schedulers, TimeProvider clock)
{
    public static JobKey JobFor(string partnershipId, string cycleId) => new($"{partnershipId}/{cycleId}", "cycle");

    public async Task ScheduleAsync(string partnershipId, CycleDefinition cycle, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = JobFor(partnershipId, cycle.Id);
        var job = JobBuilder.Create<StartRoundJob>()
            .WithIdentity(key)
            .UsingJobData(StartRoundJob.PartnershipKey, partnershipId)
            .UsingJobData(StartRoundJob.CycleKey, cycle.Id)
            .StoreDurably()
            // A node that dies while opening a round has its firing run again elsewhere; the firing key makes that safe.
            .RequestRecovery()
            .Build();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(cycle.Schedule.TimeZone);
        // Starts now on the engine's clock, so a replaced trigger (edit, resume) never makes up firings before it.
        var trigger = TriggerBuilder.Create(clock)
            .WithIdentity(key.Name, key.Group)
            .ForJob(key)
            // From the engine's clock, not the machine's: in virtual time the first firing counts from the virtual now.
            .StartAt(clock.GetUtcNow())
            .WithCronSchedule(cycle.Schedule.ToCron(), c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    /// <summary>The next firing instants of a cycle, as its trigger computes them.</summary>
    public static IReadOnlyList<DateTimeOffset> Next(CycleDefinition cycle, DateTimeOffset after, int count)
    {
        var cron = new CronExpression(cycle.Schedule.ToCron(), TimeZoneInfo.FindSystemTimeZoneById(cycle.Schedule.TimeZone));
        var result = new List<DateTimeOffset>();
        var from = after;
        while (result.Count < count && cron.GetNextValidTimeAfter(from) is { } next)
        {
            result.Add(next);
            from = next;
        }

        return result;
    }
}
