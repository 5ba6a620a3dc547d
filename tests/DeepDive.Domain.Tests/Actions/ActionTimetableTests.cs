using DeepDive.Domain.Actions;
using DeepDive.Domain.Calendars;

namespace DeepDive.Domain.Tests.Actions;

public sealed class ActionTimetableTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    // 2027: Good Friday 26 March, Easter Monday 29 March, early May bank holiday Monday 3 May, Christmas on a Saturday (substitute days 27 and 28 December).
    private static readonly WorkingCalendar Calendar = new([
        new BankHoliday(new DateOnly(2027, 3, 26), "Good Friday"), new BankHoliday(new DateOnly(2027, 3, 29), "Easter Monday"),
        new BankHoliday(new DateOnly(2027, 5, 3), "Early May bank holiday"),
        new BankHoliday(new DateOnly(2027, 12, 27), "Christmas Day", "Substitute day"), new BankHoliday(new DateOnly(2027, 12, 28), "Boxing Day", "Substitute day"),
        new BankHoliday(new DateOnly(2028, 1, 3), "New Year's Day", "Substitute day"),
    ]);

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, London.GetUtcOffset(local));
    }

    [Theory]
    [InlineData(2027, 4, 29, 2027, 4, 30)] // due Thursday: Friday
    [InlineData(2027, 4, 30, 2027, 5, 4)] // due Friday before the early May bank holiday: Tuesday
    [InlineData(2027, 3, 25, 2027, 3, 30)] // due the Thursday before Easter: the Tuesday after Easter Monday
    [InlineData(2027, 5, 1, 2027, 5, 4)] // due on a Saturday: past Sunday and the bank holiday Monday
    [InlineData(2027, 12, 24, 2027, 12, 29)] // due Christmas Eve: past the weekend and both substitute days
    public void An_action_is_overdue_from_8am_UK_time_on_the_first_working_day_after_its_due_date(int y, int m, int d, int ry, int rm, int rd)
    {
        var from = ActionTimetable.OverdueFrom(new DateOnly(y, m, d), Calendar, London);

        from.Should().Be(Local(ry, rm, rd, 8));
    }

    [Fact]
    public void Overdue_from_is_8am_local_in_summer_and_winter()
    {
        ActionTimetable.OverdueFrom(new DateOnly(2027, 7, 1), Calendar, London).UtcDateTime.Should().Be(new DateTime(2027, 7, 2, 7, 0, 0));
        ActionTimetable.OverdueFrom(new DateOnly(2027, 11, 1), Calendar, London).UtcDateTime.Should().Be(new DateTime(2027, 11, 2, 8, 0, 0));
    }

    [Fact]
    public void Only_an_amber_or_green_action_without_a_recovery_plan_turns_red_and_only_once_overdue()
    {
        var from = Local(2027, 5, 4, 8);
        ActionTimetable.TurnsRed(RagStatus.Green, false, from, from).Should().BeTrue();
        ActionTimetable.TurnsRed(RagStatus.Amber, false, from, from.AddDays(3)).Should().BeTrue();
        ActionTimetable.TurnsRed(RagStatus.Green, false, from, from.AddMinutes(-1)).Should().BeFalse("not yet overdue");
        ActionTimetable.TurnsRed(RagStatus.Green, true, from, from.AddDays(1)).Should().BeFalse("it has a recovery plan");
        ActionTimetable.TurnsRed(RagStatus.Blue, false, from, from.AddDays(1)).Should().BeFalse("it is complete");
        ActionTimetable.TurnsRed(RagStatus.Red, false, from, from.AddDays(1)).Should().BeFalse("it is red already");
    }

    [Theory]
    [InlineData(2027, 5, 2027, 5, 4)] // 1 May is a Saturday, 3 May a bank holiday
    [InlineData(2027, 6, 2027, 6, 1)]
    [InlineData(2028, 1, 2028, 1, 4)] // 1 January a Saturday, the substitute day Monday 3 January
    public void Update_requests_go_at_8am_on_the_first_working_day_of_the_month(int year, int month, int ry, int rm, int rd)
    {
        ActionTimetable.UpdateRequestsOf(year, month, Calendar, London).Should().Be(Local(ry, rm, rd, 8));
    }

    [Fact]
    public void The_latest_and_next_update_requests_around_a_moment()
    {
        ActionTimetable.LatestUpdateRequests(Local(2027, 5, 3, 12), Calendar, London).Should().Be(Local(2027, 4, 1, 8), "May's are not due until the 4th");
        ActionTimetable.LatestUpdateRequests(Local(2027, 5, 4, 8), Calendar, London).Should().Be(Local(2027, 5, 4, 8));
        ActionTimetable.NextUpdateRequests(Local(2027, 5, 4, 8), Calendar, London).Should().Be(Local(2027, 6, 1, 8));
        ActionTimetable.NextUpdateRequests(Local(2027, 5, 1, 8), Calendar, London).Should().Be(Local(2027, 5, 4, 8));
        ActionTimetable.NextUpdateRequests(Local(2027, 12, 15, 8), Calendar, London).Should().Be(Local(2028, 1, 4, 8));
    }
}
