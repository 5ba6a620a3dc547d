using DeepDive.Engine.Workflows.Persistence;

namespace DeepDive.Engine.Workflows.Data;

/// <summary>The only types workflow state may hold; anything else is refused when read or written.</summary>
public static class WorkflowTypes
{
    public static WorkflowJson CreateSerializer() => new(
    [
        typeof(AuditRoundData), typeof(DeepDiveData), typeof(TaskSubmission), typeof(TaskRef), typeof(DeepDivePlan),
    ]);
}
