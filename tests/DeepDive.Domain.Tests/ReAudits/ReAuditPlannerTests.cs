using DeepDive.Domain.Cycles;
using DeepDive.Domain.Grading;
using DeepDive.Domain.ReAudits;

namespace DeepDive.Domain.Tests.ReAudits;

public sealed class ReAuditPlannerTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateTime ClosedInFebruary = new(2028, 2, 10, 15, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Plan_ByDefault_IsTheIntervalLater_WhateverTheAuditYear()
    {
        var plan = ReAuditPlanner.Plan(ClosedInFebruary, new ReAuditRule(), London);

        plan.DueUtc.Should().Be(new DateTime(2028, 5, 10, 15, 0, 0, DateTimeKind.Utc));
        plan.Note.Should().BeNull();
    }

    [Fact]
    public void Plan_DueOnABankHolidayMonday_MovesToTuesday_AtTheSameLocalTime()
    {
        // Closed Friday 3 March 2028 at 10:00 GMT; three months later is Saturday 3 June 2028 (11:00 BST).
        // With Monday 5 June a bank holiday in this calendar, the re-audit opens on Tuesday 6 June at 11:00 BST.
        var bankHoliday = new DateOnly(2028, 6, 5);
        bool IsWorkingDay(DateOnly d) => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && d != bankHoliday;

        var plan = ReAuditPlanner.Plan(new DateTime(2028, 3, 3, 10, 0, 0, DateTimeKind.Utc), new ReAuditRule(), London, IsWorkingDay);

        plan.DueUtc.Should().Be(new DateTime(2028, 6, 6, 10, 0, 0, DateTimeKind.Utc));
        plan.Note.Should().Be("moved from Sat 3 June 2028 to Tue 6 June 2028, the next working day");
    }

    [Fact]
    public void Plan_SameAuditYear_DueWithinTheYear_IsUnchanged()
    {
        var plan = ReAuditPlanner.Plan(new DateTime(2027, 6, 1, 9, 0, 0, DateTimeKind.Utc), new ReAuditRule { SameAuditYear = true }, London);

        plan.DueUtc.Should().Be(new DateTime(2027, 9, 1, 9, 0, 0, DateTimeKind.Utc));
        plan.Note.Should().BeNull();
    }

    [Fact]
    public void Plan_SameAuditYear_DueAfterTheYearEnds_MovesToItsLastWorkingDay()
    {
        var plan = ReAuditPlanner.Plan(ClosedInFebruary, new ReAuditRule { SameAuditYear = true }, London);

        // The audit year 2027/28 runs April to March; 31 March 2028 is a Friday, 09:00 BST.
        plan.DueUtc.Should().Be(new DateTime(2028, 3, 31, 8, 0, 0, DateTimeKind.Utc));
        plan.Note.Should().Be("moved to 31 March 2028, the last working day of the audit year: due 10 May 2028, after the audit year 2027/28 ends on 31 March 2028");
    }

    [Fact]
    public void Plan_SameAuditYear_WithSkip_IsNotScheduled_AndSaysWhy()
    {
        var plan = ReAuditPlanner.Plan(ClosedInFebruary, new ReAuditRule { SameAuditYear = true, OutsideYear = ReAuditRule.Skip }, London);

        plan.Skipped.Should().BeTrue();
        plan.Note.Should().Be("not scheduled: due 10 May 2028, after the audit year 2027/28 ends on 31 March 2028; the cycle's rule skips re-audits outside the audit year");
    }

    [Fact]
    public void Plan_CalendarAuditYear_LastWorkingDayAlreadyPast_IsSkipped()
    {
        // Closed on Friday 31 December 2027 at 10:00: the last working day of a January-to-December year has started.
        var plan = ReAuditPlanner.Plan(new DateTime(2027, 12, 31, 10, 0, 0, DateTimeKind.Utc),
            new ReAuditRule { SameAuditYear = true, AuditYearStartMonth = 1 }, London);

        plan.Skipped.Should().BeTrue();
        plan.Note.Should().StartWith("not scheduled: due 31 March 2028, after the audit year 2027 ends on 31 December 2027, and no working day of it is left");
    }

    [Theory]
    [InlineData(Grade.Inadequate, true)]
    [InlineData(Grade.RequiresImprovement, false)]
    [InlineData(Grade.Good, false)]
    public void NeedsWork_FollowsTheCyclesGrades(Grade grade, bool needsWork)
    {
        ReAuditPlanner.NeedsWork(grade, new ReAuditRule { NeedsWork = ["inadequate"] }).Should().Be(needsWork);
    }

    [Fact]
    public void NeedsWork_ByDefault_IsRequiresImprovementOrInadequate()
    {
        var rule = new ReAuditRule();
        Enum.GetValues<Grade>().Where(g => ReAuditPlanner.NeedsWork(g, rule)).Should().Equal(Grade.RequiresImprovement, Grade.Inadequate);
    }
}
