using Dapper;
using WorkflowCore.Interface;

namespace DeepDive.Engine.Workflows.Persistence;

/// <summary>Records each domain step execution (which node, which instance and pointer, when), committed with the step's own writes.</summary>
public sealed class ExecutionJournal(TimeProvider clock)
{
    /// <summary>This process, as the journal names it.</summary>
    public static string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    public DomainWrite Record(IStepExecutionContext context)
    {
        var row = new
        {
            PartnershipId = (context.Workflow.Data as ITenantData)?.PartnershipId,
            InstanceId = context.Workflow.Id,
            PointerId = context.ExecutionPointer.Id,
            StepName = context.Step.Name ?? context.Step.BodyType.Name,
            Node,
            ExecutedUtc = clock.GetUtcNow().UtcDateTime,
        };
        return (connection, transaction, ct) => connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO wf_execution (partnership_id, instance_id, pointer_id, step_name, node, executed_utc)
            VALUES (@PartnershipId, @InstanceId, @PointerId, @StepName, @Node, @ExecutedUtc)
            """, row, transaction, cancellationToken: ct));
    }
}
