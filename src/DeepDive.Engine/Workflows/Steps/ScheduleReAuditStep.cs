using Dapper;
using DeepDive.Domain.ReAudits;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Scheduling;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>
/// Schedules the re-audit of a round's cases that need work, as a Quartz one-off trigger at the due date.
/// The trigger's key is the round's, so running this step again never schedules a second re-audit.
/// </summary>
public sealed class ScheduleReAuditStep(
    StepWrites stepWrites, RoundStore rounds, Database database, ReAuditScheduler scheduler, TimeProvider clock) : DomainStep(stepWrites)
{
    protected override async Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (AuditRoundData)context.Workflow.Data;
        var round = await rounds.GetAsync(data.RoundId, cancellationToken);
        var due = ReAuditComparison.DueDate(clock.GetUtcNow().UtcDateTime, round.Cycle.ReAudit.IntervalMonths);
        await scheduler.ScheduleAsync(round.PartnershipId, round.RoundId, due, cancellationToken);
        batch.Write(async (c, t, ct) =>
        {
            var sql = database.Dialect.InsertIfAbsent("re_audit", ["re_audit_id"], ["partnership_id", "source_round_id", "due_utc", "status"]);
            await c.ExecuteAsync(new CommandDefinition(sql, new
            {
                ReAuditId = $"re-audit/{round.RoundId}",
                round.PartnershipId,
                SourceRoundId = round.RoundId,
                DueUtc = due,
                Status = "scheduled",
            }, t, cancellationToken: ct));
        });
        return ExecutionResult.Next();
    }
}
