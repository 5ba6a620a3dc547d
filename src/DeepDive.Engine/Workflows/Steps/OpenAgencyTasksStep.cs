using Dapper;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>Opens the single-agency audit task of each involved agency, with its auditor and due date.</summary>
public sealed class OpenAgencyTasksStep(StepWrites stepWrites, TimeProvider clock) : DomainStep(stepWrites)
{
    protected override Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (DeepDiveData)context.Workflow.Data;
        var now = clock.GetUtcNow().UtcDateTime;
        var due = now.AddDays(data.TaskDeadlineDays);
        var rows = data.Tasks.Select(t => new
        {
            data.PartnershipId,
            t.TaskId,
            data.DeepDiveId,
            data.RoundId,
            data.CaseRef,
            t.Agency,
            t.AuditorId,
            Status = t.AuditorId is null ? "unassigned" : "open",
            OpenedUtc = now,
            DueUtc = due,
            t.UnassignedReason,
        }).ToList();
        batch.Write((c, t, ct) => c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO audit_task (partnership_id, task_id, deep_dive_id, round_id, case_ref, agency, auditor_id, status, opened_utc, due_utc, late, unassigned_reason)
            VALUES (@PartnershipId, @TaskId, @DeepDiveId, @RoundId, @CaseRef, @Agency, @AuditorId, @Status, @OpenedUtc, @DueUtc, 0, @UnassignedReason)
            """, rows, t, cancellationToken: ct)));
        return Task.FromResult(ExecutionResult.Next());
    }
}
