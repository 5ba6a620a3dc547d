using Microsoft.Extensions.Logging;
using Quartz;

namespace DeepDive.Engine.Runtime;

/// <summary>
/// Counts Quartz jobs that have started and not yet finished, so a caller can wait for the engine to go idle, and
/// records every job that ends in an error in <see cref="JobFailures"/>, where a manager can see it.
/// </summary>
public sealed class JobTracker(JobFailures failures, ILogger<JobTracker> logger) : IJobListener
{
    private int running;
    private int failed;

    public string Name => "deepdive-job-tracker";
    public int Running => Volatile.Read(ref running);
    public int Failed => Volatile.Read(ref failed);
    public Exception? LastError { get; private set; }

    public ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref running);
        return ValueTask.CompletedTask;
    }

    public ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        Interlocked.Decrement(ref running);
        return ValueTask.CompletedTask;
    }

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        try
        {
            var key = context.JobDetail.Key.ToString();
            if (jobException is not null)
            {
                Interlocked.Increment(ref failed);
                LastError = jobException;
                var error = (jobException.InnerException ?? jobException).Message;
                logger.LogError(jobException.InnerException ?? jobException, "Job {Job} failed: {Error}", key, error);
                await failures.RecordFailureAsync(key, error, CancellationToken.None);
            }
            else
            {
                await failures.RecordSuccessAsync(key, CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            // The database may be the cause: the log is all that is left then.
            logger.LogError(e, "Could not record the outcome of job {Job}", context.JobDetail.Key);
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }
}
