using DeepDive.Domain.Notifications;
using FluentAssertions;

namespace DeepDive.Domain.Tests.Notifications;

public sealed class TaskChaserTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    // 2027: Good Friday 26 March, Easter Monday 29 March; the clocks go forward on Sunday 28 March.
    private static readonly HashSet<DateOnly> BankHolidays = [new(2027, 3, 26), new(2027, 3, 29), new(2027, 5, 3)];

    private static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !BankHolidays.Contains(day);

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }

    [Fact]
    public void Reminders_count_working_days_back_over_Easter_and_escalation_forward_at_8am_local()
    {
        // Due Thursday 1 April 2027 at 17:00 (summer time). Five working days back skips Easter Monday and Good Friday.
        var occasions = TaskChaser.Occasions(new ChasePolicy(), Local(2027, 3, 1, 9), Local(2027, 4, 1, 17), IsWorkingDay, London);

        occasions.Should().Equal(
            new ChaseOccasion(NotificationKinds.Reminder, 5, Local(2027, 3, 23, 8)),
            new ChaseOccasion(NotificationKinds.Reminder, 1, Local(2027, 3, 31, 8)),
            new ChaseOccasion(NotificationKinds.Escalation, 1, Local(2027, 4, 2, 8)));
        occasions[0].SendAt.Offset.Should().Be(TimeSpan.Zero, "23 March is still winter time");
        occasions[1].SendAt.Offset.Should().Be(TimeSpan.FromHours(1), "31 March is summer time: 08:00 local is 07:00 UTC");
    }

    [Fact]
    public void Escalation_after_a_Friday_deadline_before_a_bank_holiday_Monday_goes_on_Tuesday()
    {
        var occasions = TaskChaser.Occasions(new ChasePolicy(), Local(2027, 4, 1, 9), Local(2027, 4, 30, 17), IsWorkingDay, London);

        occasions.Last().Should().Be(new ChaseOccasion(NotificationKinds.Escalation, 1, Local(2027, 5, 4, 8)));
    }

    [Fact]
    public void A_reminder_that_would_fall_before_the_task_opened_is_left_out()
    {
        // Opened Monday 7 June, due Wednesday 9 June: "5 working days before" was last week.
        var occasions = TaskChaser.Occasions(new ChasePolicy(), Local(2027, 6, 7, 10), Local(2027, 6, 9, 17), IsWorkingDay, London);

        occasions.Select(o => (o.Kind, o.WorkingDays)).Should().Equal((NotificationKinds.Reminder, 1), (NotificationKinds.Escalation, 1));
        occasions[0].KeyFor("T1").Should().Be("task:T1:reminder:1");
    }

    [Fact]
    public void A_configured_policy_is_followed()
    {
        var policy = new ChasePolicy { RemindBeforeWorkingDays = [3], EscalateAfterWorkingDays = [2, 5], SendAt = "09:30" };

        var occasions = TaskChaser.Occasions(policy, Local(2027, 6, 1, 10), Local(2027, 6, 18, 17), IsWorkingDay, London);

        occasions.Should().Equal(
            new ChaseOccasion(NotificationKinds.Reminder, 3, Local(2027, 6, 15, 9, 30)),
            new ChaseOccasion(NotificationKinds.Escalation, 2, Local(2027, 6, 22, 9, 30)),
            new ChaseOccasion(NotificationKinds.Escalation, 5, Local(2027, 6, 25, 9, 30)));
    }
}
