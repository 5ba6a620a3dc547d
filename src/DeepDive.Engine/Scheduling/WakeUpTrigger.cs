using Microsoft.Extensions.Logging;
using Quartz;

namespace DeepDive.Engine.Scheduling;

/// <summary>
/// One Quartz one-off trigger that wakes a job at the next moment it has work, for the jobs that sleep until then (the
/// task chase, the action follow-up). Asking for a time never moves an earlier trigger later, so work that falls due at
/// once coalesces into one run. A run plans the next; a run that fails is recorded as a failed job (JobTracker) and
/// tried again after <see cref="RetryAfter"/>, so the job always has a next wake-up.
/// </summary>
internal sealed class WakeUpTrigger(ISchedulerFactory schedulers, JobKey job, Type jobType, TimeProvider clock)
{
    /// <summary>How long after a failed run the job runs again (engine time).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);

    public async Task EnsureByAsync(DateTimeOffset at, CancellationToken cancellationToken, bool replace = false)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var triggerKey = new TriggerKey(job.Name, job.Group);
        if (!replace && await scheduler.GetTrigger(triggerKey, cancellationToken) is { } existing
            && existing.NextFireTimeUtc is { } next && next <= at)
        {
            return;
        }

        var detail = JobBuilder.Create().OfType(jobType).WithIdentity(job).StoreDurably().Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(triggerKey)
            .ForJob(job)
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(detail, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }

    /// <summary>After a run: the trigger moves to the next occasion, or goes when there is none.</summary>
    public async Task NextAsync(DateTimeOffset? at, CancellationToken cancellationToken)
    {
        if (at is { } next)
        {
            await EnsureByAsync(next, cancellationToken, replace: true);
            return;
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.UnscheduleJob(new TriggerKey(job.Name, job.Group), cancellationToken);
    }

    /// <summary>Runs the job's work, which returns its next occasion, and plans it; when the work fails, plans a retry and fails the run.</summary>
    public async Task RunAsync(string what, Func<CancellationToken, Task<DateTimeOffset?>> work, ILogger logger, CancellationToken cancellationToken)
    {
        DateTimeOffset? next;
        try
        {
            next = await work(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var retryAt = clock.GetUtcNow() + RetryAfter;
            logger.LogError(e, "{What} failed; trying again at {RetryAt:u}: {Error}", what, retryAt, e.Message);
            await EnsureByAsync(retryAt, CancellationToken.None, replace: true);
            // Failing the run records it (JobTracker) where 'deepdive status' shows it.
            throw new JobExecutionException(e.Message, e);
        }

        await NextAsync(next, cancellationToken);
    }
}
