using Dapper;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Simulation;

/// <summary>Counts what a year of the programme produced, straight from the store.</summary>
public static class YearSummaryQuery
{
    public static async Task<YearSummary> RunAsync(Database database, string partnershipId, int schools, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        async Task<int> Count(string sql) => (int)await connection.ExecuteScalarAsync<long>(
            new CommandDefinition(sql, new { P = partnershipId }, cancellationToken: cancellationToken));
        async Task<Dictionary<string, int>> Group(string sql) =>
            (await connection.QueryAsync<(string Key, long Count)>(new CommandDefinition(sql, new { P = partnershipId }, cancellationToken: cancellationToken)))
            .ToDictionary(r => r.Key, r => (int)r.Count);

        return new YearSummary(
            ScheduledRounds: await Count("SELECT COUNT(*) FROM audit_round WHERE partnership_id = @P AND kind = 'scheduled'"),
            ReAuditRounds: await Count("SELECT COUNT(*) FROM audit_round WHERE partnership_id = @P AND kind = 're-audit'"),
            RoundsStillOpen: await Count("SELECT COUNT(*) FROM audit_round WHERE partnership_id = @P AND status <> 'closed'"),
            CasesSampled: await Count("SELECT COUNT(*) FROM sample_case WHERE partnership_id = @P AND list IN ('sample', 're-audit')"),
            TasksCompleted: await Count("SELECT COUNT(*) FROM audit_task WHERE partnership_id = @P AND status = 'submitted'"),
            TasksLate: await Count("SELECT COUNT(*) FROM audit_task WHERE partnership_id = @P AND status = 'submitted' AND late = 1"),
            TasksOpen: await Count("SELECT COUNT(*) FROM audit_task WHERE partnership_id = @P AND status <> 'submitted'"),
            Grades: await Group("SELECT overall_grade, COUNT(*) FROM deep_dive WHERE partnership_id = @P AND overall_grade IS NOT NULL GROUP BY overall_grade"),
            FindingsNeedingWork: await Count("SELECT COUNT(*) FROM deep_dive WHERE partnership_id = @P AND needs_work = 1"),
            ReAuditsScheduled: await Count("SELECT COUNT(*) FROM re_audit WHERE partnership_id = @P"),
            ReAuditOutcomes: await Group("SELECT comparison, COUNT(*) FROM deep_dive WHERE partnership_id = @P AND comparison IS NOT NULL GROUP BY comparison"),
            LearningBriefs: await Count("SELECT COUNT(*) FROM learning_brief WHERE partnership_id = @P"),
            SchoolFeedback: await Count("SELECT COUNT(*) FROM school_feedback WHERE partnership_id = @P"),
            SchoolsInRegister: schools,
            Reminders: await Count("SELECT COUNT(*) FROM notification_outbox WHERE partnership_id = @P AND kind = 'reminder'"),
            Escalations: await Count("SELECT COUNT(*) FROM notification_outbox WHERE partnership_id = @P AND kind = 'escalation'"),
            Elapsed: elapsed);
    }
}
