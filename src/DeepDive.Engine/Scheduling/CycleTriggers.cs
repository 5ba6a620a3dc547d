using Quartz;

namespace DeepDive.Engine.Scheduling;

/// <summary>Pauses and removes a cycle's Quartz trigger (scheduling and resuming go through <see cref="CycleScheduler"/>).</summary>
public sealed class CycleTriggers(ISchedulerFactory schedulers)
{
    public async Task PauseAsync(string partnershipId, string cycleId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.PauseJob(CycleScheduler.JobFor(partnershipId, cycleId), cancellationToken);
    }

    /// <summary>Deletes the cycle's job and trigger; rounds and re-audits already scheduled are other jobs and stay.</summary>
    public async Task RemoveAsync(string partnershipId, string cycleId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.DeleteJob(CycleScheduler.JobFor(partnershipId, cycleId), cancellationToken);
    }

    /// <summary>The trigger's state as Quartz has it (Normal, Paused, ... or None when there is no trigger).</summary>
    public async Task<TriggerState> StateAsync(string partnershipId, string cycleId, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = CycleScheduler.JobFor(partnershipId, cycleId);
        return await scheduler.GetTriggerState(new TriggerKey(job.Name, job.Group), cancellationToken);
    }
}
