namespace DeepDive.Engine.Workflows.Persistence;

/// <summary>What one <see cref="WorkflowPurger.PurgeAsync"/> deleted.</summary>
/// <param name="Workflows">Complete or terminated workflow instances.</param>
/// <param name="Pointers">Execution pointers of those instances.</param>
/// <param name="Subscriptions">Event subscriptions of those instances.</param>
/// <param name="Events">Processed events.</param>
/// <param name="Errors">Step errors.</param>
/// <param name="Batches">How many transactions deleted something.</param>
public sealed record PurgeResult(int Workflows, int Pointers, int Subscriptions, int Events, int Errors, int Batches)
{
    public static PurgeResult None { get; } = new(0, 0, 0, 0, 0, 0);
}
