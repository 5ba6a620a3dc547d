using DeepDive.Domain.Assignment;
using DeepDive.Domain.Calendars;

namespace DeepDive.Domain.Tests.Assignment;

public sealed class TaskUrgencyTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    // Thursday 20 May 2027, 10:00 in London (09:00 UTC); Monday 31 May 2027 is the spring bank holiday.
    private static readonly DateTime Now = new(2027, 5, 20, 9, 0, 0, DateTimeKind.Utc);

    private static readonly WorkingCalendar Calendar = new([new BankHoliday(new DateOnly(2027, 5, 31), "Spring bank holiday")]);

    [Theory]
    [InlineData("2027-05-20T08:59:00Z", TaskUrgency.Overdue)]
    [InlineData("2027-05-20T09:00:00Z", TaskUrgency.DueSoon)]
    [InlineData("2027-05-27T09:00:00Z", TaskUrgency.DueSoon)] // five working days on, to the minute
    [InlineData("2027-05-27T09:01:00Z", TaskUrgency.Later)]
    public void Of_CountsFiveWorkingDaysFromNow(string due, TaskUrgency expected)
    {
        TaskUrgencies.Of(DateTime.Parse(due, null, System.Globalization.DateTimeStyles.AdjustToUniversal), Now, Calendar, London).Should().Be(expected);
    }

    [Fact]
    public void Of_SkipsWeekendsAndBankHolidays()
    {
        // From Wednesday 26 May: Thu 27, Fri 28, (weekend), (Mon 31 bank holiday), Tue 1, Wed 2, Thu 3 June.
        var wednesday = new DateTime(2027, 5, 26, 9, 0, 0, DateTimeKind.Utc);

        TaskUrgencies.Of(new DateTime(2027, 6, 3, 9, 0, 0, DateTimeKind.Utc), wednesday, Calendar, London).Should().Be(TaskUrgency.DueSoon);
        TaskUrgencies.Of(new DateTime(2027, 6, 4, 9, 0, 0, DateTimeKind.Utc), wednesday, Calendar, London).Should().Be(TaskUrgency.Later);
        TaskUrgencies.Of(new DateTime(2027, 6, 3, 9, 0, 0, DateTimeKind.Utc), wednesday, WorkingCalendar.WeekendsOnly, London).Should()
            .Be(TaskUrgency.Later, "without the bank holiday, five working days end on Wednesday 2 June");
    }
}
