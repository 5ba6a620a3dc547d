using System.Collections.Concurrent;
using WorkflowCore.Models;

namespace DeepDive.Bench;

/// <summary>
/// What one bench run has reached, as the store saw it: which workflows have been persisted waiting for
/// their task event, which have been persisted complete, and each workflow's resume latency. Told by
/// <see cref="ObservedPersistenceProvider"/> after the store accepted the write, so the benchmark waits
/// on signals instead of sleeping.
/// </summary>
public sealed class BenchProgress(int expected)
{
    private readonly ConcurrentDictionary<string, byte> waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> completions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> resumes = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource allWaiting = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource allComplete = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int completed;
    private volatile Exception? failure;

    public int Expected => expected;
    public int Waiting => waiting.Count;
    public int Completed => Volatile.Read(ref completed);
    public Task AllWaiting => allWaiting.Task;
    public Task AllComplete => allComplete.Task;

    /// <summary>Resume latencies (event published to grade step running), one per workflow, in no particular order.</summary>
    public IReadOnlyCollection<TimeSpan> ResumeLatencies => resumes.Values.ToList();

    /// <summary>Completes when the workflow has been persisted as complete.</summary>
    public Task CompletionOf(string workflowId) => Completion(workflowId).Task;

    public void RecordResume(string key, TimeSpan latency) => resumes.TryAdd(key, latency);

    public void Persisted(WorkflowInstance workflow, IReadOnlyCollection<EventSubscription>? subscriptions)
    {
        if (subscriptions is not null && subscriptions.Any(s => s.EventName == BenchWorkflow.TaskEvent)
            && waiting.TryAdd(workflow.Id, 0) && waiting.Count == expected)
        {
            allWaiting.TrySetResult();
        }

        if (workflow.Status == WorkflowStatus.Complete && Completion(workflow.Id).TrySetResult()
            && Interlocked.Increment(ref completed) == expected)
        {
            allComplete.TrySetResult();
        }
    }

    /// <summary>A step failed: the run cannot reach its end, so everyone waiting is told why at once.</summary>
    public void Failed(IEnumerable<ExecutionError> errors)
    {
        var first = errors.FirstOrDefault();
        if (first is null)
        {
            return;
        }

        failure = new InvalidOperationException($"Bench workflow {first.WorkflowId} failed: {first.Message}");
        allWaiting.TrySetException(failure);
        allComplete.TrySetException(failure);
        foreach (var completion in completions.Values)
        {
            completion.TrySetException(failure);
        }
    }

    private TaskCompletionSource Completion(string workflowId)
    {
        var completion = completions.GetOrAdd(workflowId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (failure is { } f)
        {
            completion.TrySetException(f);
        }

        return completion;
    }
}
