using Dapper;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace DeepDive.Engine.Tests.Scheduling;

public sealed class ReAuditRuleTests
{
    private static readonly DateTimeOffset March1 = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReAudit_TakesTheCyclesGrades_AvoidsTheOriginalAuditors_AndRollsUpPerCycle()
    {
        await using var programme = new Programme(new DateTimeOffset(2027, 2, 20, 12, 0, 0, TimeSpan.Zero));
        await programme.SeedAsync();
        await programme.StartAsync();
        var rule = new ReAuditRule { NeedsWork = ["inadequate"], IntervalMonths = 2, OriginalAuditorMayReAudit = false };
        await programme.Lifecycle.AddOrUpdateAsync(Programme.Partnership, Programme.Cycle("neglect", [3], sampleSize: 2, reAudit: rule), CancellationToken.None);
        await programme.AdvanceToAsync(March1);

        // One case inadequate (needs work under this rule), the other requires improvement (would by default; not here).
        var round = (await programme.RoundsAsync()).Single();
        var cases = (await programme.ScalarRowsAsync<string>("SELECT case_ref FROM deep_dive WHERE round_id = @R ORDER BY case_ref", new { R = round.RoundId })).ToList();
        programme.Clock.Advance(TimeSpan.FromDays(3));
        var firstTasks = await programme.AnswerOpenTasksAsync(t => t.CaseRef == cases[0] ? "inadequate" : "requires-improvement");
        (await programme.ScalarAsync("SELECT COUNT(*) FROM deep_dive WHERE round_id = @R AND needs_work = 1", new { R = round.RoundId })).Should().Be(1);
        var due = (await programme.ScalarRowsAsync<DateTime>("SELECT due_utc FROM re_audit WHERE source_round_id = @R", new { R = round.RoundId })).Single();
        due.Should().Be(March1.AddDays(3).AddMonths(2).UtcDateTime);

        await programme.AdvanceToAsync(new DateTimeOffset(due, TimeSpan.Zero));
        var reAudit = (await programme.RoundsAsync()).Single(r => r.Kind == "re-audit");
        var reTasks = await programme.AnswerOpenTasksAsync(_ => "good");

        reTasks.Should().NotBeEmpty().And.OnlyContain(t => t.CaseRef == cases[0], "only the finding that needed work is re-audited");
        var original = firstTasks.Where(t => t.CaseRef == cases[0]).Select(t => t.AuditorId).ToHashSet();
        reTasks.Should().OnlyContain(t => t.AuditorId != null && !original.Contains(t.AuditorId), "the rule keeps the original auditors off the re-audit");
        var report = (await CycleReport.LoadAsync(programme.Database, programme.Clock, Programme.Partnership, "neglect", CancellationToken.None))!;
        report.Rounds.Select(r => r.Kind).Should().Equal("scheduled", "re-audit");
        report.ReAudits.Should().ContainSingle().Which.ReAuditRoundId.Should().Be(reAudit.RoundId);
        (report.Improved, report.Same, report.Worse).Should().Be((1, 0, 0));
    }

    [Fact]
    public async Task ReAudit_DueAfterTheAuditYear_IsSkippedWithTheReason_WhenTheRuleSaysSo()
    {
        var february1 = new DateTimeOffset(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);
        await using var programme = new Programme(february1.AddDays(-5));
        await programme.SeedAsync();
        await programme.StartAsync();
        var rule = new ReAuditRule { SameAuditYear = true, AuditYearStartMonth = 4, OutsideYear = ReAuditRule.Skip };
        await programme.Lifecycle.AddOrUpdateAsync(Programme.Partnership, Programme.Cycle("neglect", [2], sampleSize: 1, reAudit: rule), CancellationToken.None);
        await programme.AdvanceToAsync(february1);
        await programme.AnswerOpenTasksAsync(_ => "inadequate");

        var round = (await programme.RoundsAsync()).Single();
        var row = (await programme.ScalarRowsAsync<(string Status, string Note)>("SELECT status, note FROM re_audit WHERE source_round_id = @R", new { R = round.RoundId })).Single();
        row.Status.Should().Be("skipped");
        // Three months after 1 February is Saturday 1 May; Monday 3 May is a bank holiday, so it would be due Tuesday 4 May.
        row.Note.Should().Be("not scheduled: due 4 May 2027, after the audit year 2026/27 ends on 31 March 2027; the cycle's rule skips re-audits outside the audit year");
        var scheduler = await programme.Runtime.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        (await scheduler.Exists(ReAuditScheduler.JobFor(Programme.Partnership, round.RoundId))).Should().BeFalse();
    }

    [Fact]
    public async Task Rapid_RunsNow_WithTasksDueInFiveWorkingDays_AndLeavesTheCycleAsItWas()
    {
        var thursday = new DateTimeOffset(2027, 3, 4, 10, 0, 0, TimeSpan.Zero);
        await using var programme = new Programme(thursday);
        await programme.SeedAsync();
        await programme.StartAsync();
        var cycle = Programme.Cycle("jtai", [9], sampleSize: 3);
        // Five working days after a Thursday is the next Thursday, at the same local time (GMT in March).
        var deadline = new DateTime(2027, 3, 11, 10, 0, 0, DateTimeKind.Utc);

        var started = await programme.Runtime.Services.GetRequiredService<RoundStarter>().StartRapidAsync(Programme.Partnership, cycle, RapidAudit.WorkingDays, CancellationToken.None);
        await programme.IdleAsync();

        var round = (await programme.RoundsAsync()).Single();
        round.RoundId.Should().Be(started.RoundId);
        round.Kind.Should().Be("rapid");
        round.Note.Should().Be("rapid audit: tasks due in 5 working days");
        var dues = await programme.ScalarRowsAsync<DateTime>("SELECT due_utc FROM audit_task WHERE round_id = @R", new { R = round.RoundId });
        dues.Should().HaveCount(6).And.OnlyContain(d => d == deadline);
        (await new CycleStore(programme.Database, programme.Clock).GetAsync(Programme.Partnership, "jtai", CancellationToken.None)).Should().BeNull("a rapid round from a file stores no cycle");
    }
}
