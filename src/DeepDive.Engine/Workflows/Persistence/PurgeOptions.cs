namespace DeepDive.Engine.Workflows.Persistence;

/// <summary>How long finished workflow state is kept before <see cref="WorkflowPurger"/> deletes it.</summary>
/// <param name="CompletedWorkflowRetention">Complete and terminated workflows are kept this long after their complete time.</param>
/// <param name="ProcessedEventRetention">Processed events are kept this long after their event time.</param>
/// <param name="ErrorRetention">Step errors are kept this long after they happened.</param>
/// <param name="BatchSize">The most rows of one kind (workflows, events or errors) deleted in one transaction.</param>
public sealed record PurgeOptions(
    TimeSpan CompletedWorkflowRetention,
    TimeSpan ProcessedEventRetention,
    TimeSpan ErrorRetention,
    int BatchSize = 500)
{
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(CompletedWorkflowRetention, TimeSpan.Zero, nameof(CompletedWorkflowRetention));
        ArgumentOutOfRangeException.ThrowIfLessThan(ProcessedEventRetention, TimeSpan.Zero, nameof(ProcessedEventRetention));
        ArgumentOutOfRangeException.ThrowIfLessThan(ErrorRetention, TimeSpan.Zero, nameof(ErrorRetention));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
    }
}
