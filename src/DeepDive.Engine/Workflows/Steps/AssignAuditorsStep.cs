using Dapper;
using DeepDive.Domain.Assignment;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>Plans one task per case and involved agency and gives each an auditor without a conflict of interest.</summary>
public sealed class AssignAuditorsStep(
    StepWrites stepWrites, RoundStore rounds, CaseStore cases, AuditorStore auditors, Database database, TimeProvider clock) : DomainStep(stepWrites)
{
    protected override async Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        var data = (AuditRoundData)context.Workflow.Data;
        var round = await rounds.GetAsync(data.RoundId, cancellationToken);
        var plans = new List<DeepDivePlan>();
        var needs = new List<AuditTaskNeed>();
        var original = round.Kind == RoundKinds.ReAudit && !round.Cycle.ReAudit.OriginalAuditorMayReAudit
            ? await OriginalAuditorsAsync(round.ParentRoundId!, cancellationToken)
            : [];
        foreach (var caseRef in data.Cases)
        {
            var record = await cases.GetAsync(round.PartnershipId, caseRef, cancellationToken)
                ?? throw new InvalidOperationException($"Case {caseRef} of round {round.RoundId} is no longer in the register.");
            var plan = new DeepDivePlan
            {
                DeepDiveId = $"{round.RoundId}/{caseRef}",
                CaseRef = caseRef,
                FirstDeepDiveId = round.Kind == RoundKinds.ReAudit ? $"{round.ParentRoundId}/{caseRef}" : null,
            };
            foreach (var agency in record.AuditingAgencies())
            {
                var taskId = $"{plan.DeepDiveId}/{agency}";
                plan.Tasks.Add(new TaskRef { TaskId = taskId, Agency = agency });
                needs.Add(new AuditTaskNeed(taskId, caseRef, agency, record.Team, record.Worker)
                {
                    Excluded = original.Where(o => o.CaseRef == caseRef)
                        .ToDictionary(o => o.AuditorId, _ => "audited this case the first time (the cycle's re-audit rule)", StringComparer.OrdinalIgnoreCase),
                });
            }

            plans.Add(plan);
        }

        var pool = await auditors.ListAsync(round.PartnershipId, cancellationToken);
        var load = await LoadThisMonthAsync(round.PartnershipId, cancellationToken);
        var result = AuditorAssigner.Assign(needs, pool, load);
        foreach (var task in plans.SelectMany(p => p.Tasks))
        {
            task.AuditorId = result.AuditorByTask.GetValueOrDefault(task.TaskId);
            task.UnassignedReason = result.UnassignedReasons.GetValueOrDefault(task.TaskId);
        }

        data.Plans = plans;
        return ExecutionResult.Next();
    }

    /// <summary>Who audited each case in the round being re-audited.</summary>
    private async Task<List<(string CaseRef, string AuditorId)>> OriginalAuditorsAsync(string sourceRoundId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT DISTINCT case_ref AS CaseRef, auditor_id AS AuditorId FROM audit_task WHERE round_id = @RoundId AND auditor_id IS NOT NULL";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string CaseRef, string AuditorId)>(new CommandDefinition(sql, new { RoundId = sourceRoundId }, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    private async Task<Dictionary<string, int>> LoadThisMonthAsync(string partnershipId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var monthStart = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        const string sql = """
            SELECT auditor_id AS AuditorId, COUNT(*) AS Tasks FROM audit_task
            WHERE partnership_id = @PartnershipId AND auditor_id IS NOT NULL AND opened_utc >= @MonthStart
            GROUP BY auditor_id
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string AuditorId, long Tasks)>(new CommandDefinition(sql,
            new { PartnershipId = partnershipId, MonthStart = monthStart }, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.AuditorId, r => (int)r.Tasks);
    }
}
