using DeepDive.Domain.Assignment;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Workflows.Data;

namespace DeepDive.Engine.Assignment;

/// <summary>
/// Plans a round's tasks (one per case and auditing agency) and shares them among the partnership's auditors:
/// skills, conflicts (including declared ones) and this calendar month's capacity, as <see cref="AuditorAssigner"/> decides.
/// </summary>
public sealed class RoundAssignment(Storage.Database database, CaseStore cases, AuditorStore auditors, DeclaredConflictStore conflicts, MonthlyLoad load, TimeProvider clock)
{
    public sealed record Outcome(List<DeepDivePlan> Plans, IReadOnlyList<StoredExplanation> Unassigned);

    public async Task<Outcome> PlanAsync(RoundRecord round, IReadOnlyList<string> caseRefs, CancellationToken cancellationToken)
    {
        var plans = new List<DeepDivePlan>();
        var needs = new List<AuditTaskNeed>();
        var requiredSkills = round.Cycle.Assignment.RequiredSkills;
        // A re-audit may be kept from the auditors of the first audit (the cycle's re-audit rule).
        var original = round.Kind == RoundKinds.ReAudit && !round.Cycle.ReAudit.OriginalAuditorMayReAudit
            ? await OriginalAuditorsAsync(round.ParentRoundId!, cancellationToken)
            : [];
        foreach (var caseRef in caseRefs)
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
                needs.Add(new AuditTaskNeed(taskId, caseRef, agency, record.Team, record.Worker, requiredSkills)
                {
                    Excluded = original.Where(o => o.CaseRef == caseRef)
                        .ToDictionary(o => o.AuditorId, _ => "audited this case the first time (the cycle's re-audit rule)", StringComparer.OrdinalIgnoreCase),
                });
            }

            plans.Add(plan);
        }

        var pool = await auditors.ListAsync(round.PartnershipId, cancellationToken);
        var declared = await conflicts.ListAsync(round.PartnershipId, null, cancellationToken);
        var used = await load.ByAuditorAsync(round.PartnershipId, clock.GetUtcNow().UtcDateTime, round.Cycle.Schedule.TimeZone, cancellationToken);
        var result = AuditorAssigner.Assign(needs, pool, used, declared);
        foreach (var task in plans.SelectMany(p => p.Tasks))
        {
            task.AuditorId = result.AuditorByTask.GetValueOrDefault(task.TaskId);
            task.UnassignedReason = result.Unassigned.TryGetValue(task.TaskId, out var why) ? why.Summary : null;
        }

        var unassigned = needs.Where(n => result.Unassigned.ContainsKey(n.TaskId)).Select(n => StoredExplanation.From(result.Unassigned[n.TaskId])).ToList();
        return new Outcome(plans, unassigned);
    }

    private async Task<List<(string CaseRef, string AuditorId)>> OriginalAuditorsAsync(string sourceRoundId, CancellationToken cancellationToken)
    {
        const string sql = "SELECT DISTINCT case_ref AS CaseRef, auditor_id AS AuditorId FROM audit_task WHERE round_id = @RoundId AND auditor_id IS NOT NULL";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await Dapper.SqlMapper.QueryAsync<(string CaseRef, string AuditorId)>(connection,
            new Dapper.CommandDefinition(sql, new { RoundId = sourceRoundId }, cancellationToken: cancellationToken));
        return rows.ToList();
    }
}
