using Quartz;

namespace DeepDive.Engine.Runtime;

/// <summary>Counts Quartz jobs that have started and not yet finished, so a caller can wait for the engine to go idle.</summary>
public sealed class JobTracker : IJobListener
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

    public ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken = default)
    {
        if (jobException is not null)
        {
            Interlocked.Increment(ref failed);
            LastError = jobException;
        }

        Interlocked.Decrement(ref running);
        return ValueTask.CompletedTask;
    }
}
