using Dapper;
using DeepDive.Domain.Notifications;
using DeepDive.Engine.Storage;

namespace DeepDive.Simulation;

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
        var outbox = (await connection.QueryAsync<(string Kind, string Status, long Count)>(new CommandDefinition(
            "SELECT kind, status, COUNT(*) FROM notification_outbox WHERE partnership_id = @P GROUP BY kind, status",
            new { P = partnershipId }, cancellationToken: cancellationToken))).ToList();
        YearSummary.OutboxCount Outbox(string kind)
        {
            int Of(string status) => (int)outbox.Where(r => r.Kind == kind && r.Status == status).Sum(r => r.Count);
            return new YearSummary.OutboxCount(Of(Engine.Notifications.Outbox.Delivered), Of(Engine.Notifications.Outbox.Pending), Of(Engine.Notifications.Outbox.Failed));
        }

        var reAudits = await Group("SELECT CASE WHEN status = 'skipped' THEN 'skipped' ELSE 'scheduled' END, COUNT(*) FROM re_audit WHERE partnership_id = @P GROUP BY CASE WHEN status = 'skipped' THEN 'skipped' ELSE 'scheduled' END");
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
            ReAudits: new YearSummary.ReAuditCount(reAudits.GetValueOrDefault("scheduled"), reAudits.GetValueOrDefault("skipped")),
            ReAuditOutcomes: await Group("SELECT comparison, COUNT(*) FROM deep_dive WHERE partnership_id = @P AND comparison IS NOT NULL GROUP BY comparison"),
            // A manager's review leaves its lock in the change log (an automatic lock does not), beside any replacement or addition.
            Reviews: new YearSummary.ReviewCount(
                await Count("SELECT COUNT(DISTINCT round_id) FROM sample_change WHERE partnership_id = @P AND action = 'lock'"),
                await Count("SELECT COUNT(DISTINCT round_id) FROM sample_change WHERE partnership_id = @P AND action IN ('replace', 'add')")),
            LearningBriefs: await Count("SELECT COUNT(*) FROM learning_brief WHERE partnership_id = @P"),
            SchoolFeedbackWritten: await Count("SELECT COUNT(*) FROM school_feedback WHERE partnership_id = @P"),
            SchoolsInRegister: schools,
            Reminders: Outbox(NotificationKinds.Reminder),
            Escalations: Outbox(NotificationKinds.Escalation),
            Elapsed: elapsed,
            FailedFirings: await Count("SELECT COUNT(*) FROM failed_firing WHERE partnership_id = @P AND status = 'failed'"));
    }
}
