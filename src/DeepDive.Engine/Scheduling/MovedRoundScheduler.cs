using System.Globalization;
using Quartz;

namespace DeepDive.Engine.Scheduling;

/// <summary>
/// Puts a firing that fell on a non-working day back on Quartz's persistent calendar as a one-off trigger of the
/// cycle's own job at the working day it moves to, carrying the original firing (the round's key) in its data.
/// </summary>
public sealed class MovedRoundScheduler(ISchedulerFactory schedulers)
{
    public const string Group = "moved-round";
    public const string OriginalFiringKey = "originalFiringUtc";

    /// <summary>The original firing a trigger carries, when it is a moved firing's trigger.</summary>
    public static DateTimeOffset? OriginalFiring(JobDataMap data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.TryGetString(OriginalFiringKey, out var text) && text is not null
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null;
    }

    /// <summary>One trigger per original firing and day it moves to, so a firing handled twice still schedules one.</summary>
    public static TriggerKey TriggerFor(string partnershipId, string cycleId, DateTimeOffset original, DateTimeOffset opensAt) =>
        new($"{partnershipId}/{cycleId}@{original.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}>{opensAt.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}", Group);

    public async Task ScheduleAsync(string partnershipId, string cycleId, DateTimeOffset original, DateTimeOffset opensAt, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = TriggerFor(partnershipId, cycleId, original, opensAt);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(CycleScheduler.JobFor(partnershipId, cycleId))
            .UsingJobData(OriginalFiringKey, original.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))
            .StartAt(opensAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        try
        {
            await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // The same firing was handled before (a job re-run after a crash): its moved trigger is already waiting.
        }
    }
}
