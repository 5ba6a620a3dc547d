using Dapper;
using DeepDive.Simulation;
using DeepDive.Engine.Storage;

namespace DeepDive.Simulation.Tests;

/// <summary>What a year of the demo programme must have produced, checked against the store itself.</summary>
internal static class YearExpectations
{
    public static async Task RunYearAndCheckAsync(Database database)
    {
        var outbox = Directory.CreateTempSubdirectory("deepdive-year-outbox-").FullName;
        var simulation = new YearSimulation(database, "demo", seed: 11);
        var summary = await simulation.RunAsync(new YearSimulation.Options(
            new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2027, 12, 31, 23, 59, 0, DateTimeKind.Utc),
            CaseCount: 1500,
            InstanceName: $"test-{Guid.NewGuid():N}",
            Notifications: new Engine.Notifications.NotificationSettings { Folder = outbox }), progress: null, CancellationToken.None);

        // Four themed cycles twice a year and the education audit once: nine scheduled rounds, none lost or doubled.
        summary.ScheduledRounds.Should().Be(9);
        summary.ReAuditRounds.Should().BeGreaterThan(0);
        // Only a round opened in the last weeks of the year may still wait for tasks due in January.
        summary.RoundsStillOpen.Should().BeLessThanOrEqualTo(1);
        summary.TasksCompleted.Should().BeGreaterThan(summary.CasesSampled);
        summary.TasksLate.Should().BeGreaterThan(0);
        summary.LearningBriefs.Should().Be(summary.ScheduledRounds + summary.ReAuditRounds - summary.RoundsStillOpen, "every closed round has its brief");
        summary.SchoolFeedbackWritten.Should().BeGreaterThan(0);
        summary.ReAuditOutcomes.Values.Sum().Should().BeGreaterThan(0);

        await using var connection = await database.OpenAsync(CancellationToken.None);
        async Task<long> Count(string sql) => await connection.ExecuteScalarAsync<long>(sql);

        (await Count("SELECT COUNT(*) FROM audit_round WHERE status <> 'closed' AND started_utc < '2027-11-01'")).Should().Be(0, "rounds opened before November closed in the year");
        (await Count("SELECT COUNT(*) FROM deep_dive d JOIN audit_round r ON r.round_id = d.round_id WHERE r.status = 'closed' AND (d.overall_grade IS NULL OR d.status <> 'closed')")).Should().Be(0, "every deep dive of a closed round was graded and closed");
        (await Count("SELECT COUNT(*) FROM wf_error")).Should().Be(0, "no step failed");
        (await Count("SELECT COUNT(*) FROM wf_instance w JOIN audit_round r ON r.workflow_id = w.id WHERE r.status = 'closed' AND w.status <> 2")).Should().Be(0, "every closed round's workflow completed");
        // No task was opened twice, and each task took exactly one submission event.
        (await Count("SELECT COUNT(*) FROM (SELECT event_key FROM wf_event WHERE event_name = 'task-submitted' GROUP BY event_key HAVING COUNT(*) > 1) x")).Should().Be(0);
        (await Count("SELECT COUNT(*) FROM audit_task WHERE status = 'submitted'")).Should().Be(await Count("SELECT COUNT(*) FROM wf_event WHERE event_name = 'task-submitted'"));
        // Never an auditor from the case's own team.
        (await Count("""
            SELECT COUNT(*) FROM audit_task t
            JOIN auditor a ON a.partnership_id = t.partnership_id AND a.auditor_id = t.auditor_id
            JOIN case_record c ON c.partnership_id = t.partnership_id AND c.case_ref = t.case_ref
            WHERE a.team = c.team
            """)).Should().Be(0);
        // Every scheduled round whose findings needed work had its re-audit scheduled, and each re-audit compared against the first finding.
        (await Count("""
            SELECT COUNT(*) FROM audit_round r
            WHERE r.kind = 'scheduled' AND EXISTS (SELECT 1 FROM deep_dive d WHERE d.round_id = r.round_id AND d.needs_work = 1)
              AND NOT EXISTS (SELECT 1 FROM re_audit x WHERE x.source_round_id = r.round_id)
            """)).Should().Be(0);
        (await Count("SELECT COUNT(*) FROM deep_dive d JOIN audit_round r ON r.round_id = d.round_id WHERE r.status = 'closed' AND d.first_deep_dive_id IS NOT NULL AND d.comparison IS NULL")).Should().Be(0);
        await SummaryCountsWhatItSaysAsync(connection, summary, outbox);
        // Rounds fire on the first Monday (or Tuesday for education) at 09:00 Europe/London: 08:00 UTC in summer, 09:00 in winter.
        var starts = (await connection.QueryAsync<DateTime>("SELECT scheduled_for_utc FROM audit_round WHERE kind = 'scheduled'")).ToList();
        starts.Should().OnlyContain(s => s.Day <= 7 && (s.Hour == 8 || s.Hour == 9));
        starts.Should().Contain(s => s.Month == 7 && s.Hour == 8).And.Contain(s => s.Month == 1 && s.Hour == 9);
    }

    /// <summary>The summary's figures that say exactly what they count, checked against counts made another way.</summary>
    private static async Task SummaryCountsWhatItSaysAsync(System.Data.Common.DbConnection connection, YearSummary summary, string outbox)
    {
        async Task<long> Count(string sql) => await connection.ExecuteScalarAsync<long>(sql);

        // Sent means a file in the outbox folder; queued and failed ones are still rows only, and together they are every row.
        var files = Directory.GetFiles(outbox, "*.eml", SearchOption.AllDirectories).Length;
        files.Should().Be(summary.Reminders.Sent + summary.Escalations.Sent, "every reminder and escalation sent is an .eml file, and nothing else is");
        summary.Reminders.Sent.Should().BeGreaterThan(0);
        (summary.Reminders.Sent + summary.Reminders.Queued + summary.Reminders.Failed).Should().Be((int)await Count("SELECT COUNT(*) FROM notification_outbox WHERE kind = 'reminder'"));
        (summary.Escalations.Sent + summary.Escalations.Queued + summary.Escalations.Failed).Should().Be((int)await Count("SELECT COUNT(*) FROM notification_outbox WHERE kind = 'escalation'"));
        summary.Reminders.Queued.Should().Be((int)await Count("SELECT COUNT(*) FROM notification_outbox WHERE kind = 'reminder' AND delivered_utc IS NULL AND status <> 'failed'"));

        // One re-audit for each scheduled round with findings needing work; the demo's rule never skips one.
        summary.ReAudits.Scheduled.Should().Be((int)await Count("""
            SELECT COUNT(*) FROM audit_round r
            WHERE r.kind = 'scheduled' AND EXISTS (SELECT 1 FROM deep_dive d WHERE d.round_id = r.round_id AND d.needs_work = 1)
            """));
        summary.ReAudits.Skipped.Should().Be(0);

        // The education audit waits for review: the simulated QA manager replaced one case with a reason and locked it.
        var reviewed = (await connection.QueryAsync<string>(
            $"SELECT round_id FROM audit_round WHERE cycle_id = 'education-s175' AND kind = 'scheduled' AND locked_by = '{SimulatedQaManager.Name}'")).ToList();
        reviewed.Should().ContainSingle("the education audit runs once a year and its manager locks it");
        summary.Reviews.Should().Be(new YearSummary.ReviewCount(reviewed.Count, reviewed.Count));
        (await Count($"SELECT COUNT(*) FROM sample_case WHERE round_id = '{reviewed[0]}' AND list = 'replaced'")).Should().Be(1);
        (await Count($"SELECT COUNT(*) FROM sample_case WHERE round_id = '{reviewed[0]}' AND list = 'sample' AND origin = 'reserve'")).Should().Be(1);
        (await Count($"SELECT COUNT(*) FROM sample_change WHERE round_id = '{reviewed[0]}' AND action = 'replace' AND reason <> '' AND changed_by = '{SimulatedQaManager.Name}'")).Should().Be(1);
        (await Count("SELECT COUNT(*) FROM audit_round WHERE kind = 'scheduled' AND locked_by = 'auto'")).Should().Be(summary.ScheduledRounds - 1, "every other scheduled round locks its draw itself");

        // Each school with a case in the education audit got its feedback written (none delivered: nothing sends it yet).
        summary.SchoolFeedbackWritten.Should().Be((int)await Count($"""
            SELECT COUNT(DISTINCT c.school) FROM deep_dive d
            JOIN case_record c ON c.partnership_id = d.partnership_id AND c.case_ref = d.case_ref
            WHERE d.round_id = '{reviewed[0]}' AND c.school IS NOT NULL AND c.school <> ''
            """));
    }
}
