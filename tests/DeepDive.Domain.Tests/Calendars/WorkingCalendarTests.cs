using DeepDive.Domain.Calendars;

namespace DeepDive.Domain.Tests.Calendars;

public sealed class WorkingCalendarTests
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly BankHoliday[] Holidays2026To2027 =
    [
        new(new DateOnly(2026, 12, 25), "Christmas Day"),
        new(new DateOnly(2026, 12, 28), "Boxing Day", "Substitute day"),
        new(new DateOnly(2027, 1, 1), "New Year’s Day"),
        new(new DateOnly(2027, 3, 26), "Good Friday"),
        new(new DateOnly(2027, 3, 29), "Easter Monday"),
        new(new DateOnly(2027, 5, 3), "Early May bank holiday"),
    ];

    private static readonly SchoolTerm[] Terms =
    [
        new(new DateOnly(2026, 9, 2), new DateOnly(2026, 10, 23), "Autumn 1"),
        new(new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 18), "Autumn 2"),
        new(new DateOnly(2027, 1, 4), new DateOnly(2027, 2, 12), "Spring 1"),
    ];

    private static WorkingCalendar Calendar(bool schoolHolidays = true) =>
        new(Holidays2026To2027, schoolHolidays ? SchoolHoliday.Between(Terms) : null);

    [Theory]
    [InlineData("2026-12-25", "Christmas Day (bank holiday)")]
    [InlineData("2026-12-28", "Boxing Day, substitute day (bank holiday)")]
    [InlineData("2026-12-26", "Saturday")]
    [InlineData("2026-12-27", "Sunday")]
    [InlineData("2026-10-27", "school holiday: October half term")]
    [InlineData("2026-12-21", "school holiday: Christmas holidays")]
    [InlineData("2026-10-23", null)]
    [InlineData("2026-11-02", null)]
    public void WhyNotWorking_NamesTheBankHolidayTheWeekendOrTheSchoolHoliday(string date, string? reason)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Calendar().WhyNotWorking(day).Should().Be(reason);
        Calendar().IsWorkingDay(day, out var why).Should().Be(reason is null);
        why.Should().Be(reason);
    }

    [Fact]
    public void SchoolHolidays_CountOnlyInACalendarThatAvoidsThem()
    {
        Calendar(schoolHolidays: false).IsWorkingDay(new DateOnly(2026, 10, 27)).Should().BeTrue();
        Calendar().WithoutSchoolHolidays().IsWorkingDay(new DateOnly(2026, 10, 27)).Should().BeTrue();
    }

    [Fact]
    public void NextWorkingDay_PassesOverChristmasTheWeekendAndTheSubstituteDay()
    {
        var calendar = Calendar(schoolHolidays: false);

        calendar.NextWorkingDay(new DateOnly(2026, 12, 24)).Should().Be(new DateOnly(2026, 12, 29));
        calendar.NextWorkingDay(new DateOnly(2026, 12, 29)).Should().Be(new DateOnly(2026, 12, 30));
        calendar.WorkingDayOnOrAfter(new DateOnly(2026, 12, 25), out var passedOver).Should().Be(new DateOnly(2026, 12, 29));
        passedOver.Select(d => d.Reason).Should().Equal(
            "Christmas Day (bank holiday)", "Saturday", "Sunday", "Boxing Day, substitute day (bank holiday)");
    }

    [Fact]
    public void AddWorkingDays_SkipsBankHolidaysAndSchoolHolidays()
    {
        // Ten working days from Monday 14 December 2026: 15-18, 21-24, then 29 and 30 (Christmas and its substitute pass).
        Calendar(schoolHolidays: false).AddWorkingDays(new DateOnly(2026, 12, 14), 10).Should().Be(new DateOnly(2026, 12, 30));
        // With school holidays the Christmas holidays (19 December to 3 January) pass too: 15-18, then 4-8 and 11 January.
        Calendar().AddWorkingDays(new DateOnly(2026, 12, 14), 10).Should().Be(new DateOnly(2027, 1, 11));
        // Ten working days from Monday 12 October 2026 without the October half term: Monday 26 October; with it, Monday 2 November.
        Calendar(schoolHolidays: false).AddWorkingDays(new DateOnly(2026, 10, 12), 10).Should().Be(new DateOnly(2026, 10, 26));
        Calendar().AddWorkingDays(new DateOnly(2026, 10, 12), 10).Should().Be(new DateOnly(2026, 11, 2));
    }

    [Fact]
    public void AddWorkingDays_Zero_IsTheDayItselfOrTheNextWorkingDay()
    {
        Calendar().AddWorkingDays(new DateOnly(2026, 11, 2), 0).Should().Be(new DateOnly(2026, 11, 2));
        Calendar().AddWorkingDays(new DateOnly(2026, 12, 26), 0).Should().Be(new DateOnly(2027, 1, 4));
    }

    [Fact]
    public void AddWorkingDays_OfAnInstant_KeepsTheLocalTimeAcrossTheEndOfSummerTime()
    {
        // 09:00 BST on Monday 19 October 2026 is 08:00 UTC; five working days later is Monday 26 October, after the clocks go back.
        var opened = new DateTimeOffset(2026, 10, 19, 8, 0, 0, TimeSpan.Zero);

        var due = Calendar(schoolHolidays: false).AddWorkingDays(opened, 5, London);

        due.Should().Be(new DateTimeOffset(2026, 10, 26, 9, 0, 0, TimeSpan.Zero));
        TimeZoneInfo.ConvertTime(due, London).Hour.Should().Be(9);
    }

    [Fact]
    public void MoveToWorkingDay_EasterMonday_MovesToTuesdayAtTheSameLocalTime()
    {
        // 09:00 on Easter Monday 2027 is 08:00 UTC (summer time began on 28 March).
        var firing = new DateTimeOffset(2027, 3, 29, 8, 0, 0, TimeSpan.Zero);

        var move = Calendar().MoveToWorkingDay(firing, London);

        move.WasMoved.Should().BeTrue();
        move.At.Should().Be(new DateTimeOffset(2027, 3, 30, 8, 0, 0, TimeSpan.Zero));
        move.Reason.Should().Be("Easter Monday (bank holiday)");
    }

    [Fact]
    public void MoveToWorkingDay_AcrossTheStartOfSummerTime_StaysAtNineLocal()
    {
        // Saturday 27 March 2027 09:00 GMT (09:00 UTC) moves past Sunday (clocks go forward) and Easter Monday to Tuesday 09:00 BST (08:00 UTC).
        var move = Calendar().MoveToWorkingDay(new DateTimeOffset(2027, 3, 27, 9, 0, 0, TimeSpan.Zero), London);

        move.At.Should().Be(new DateTimeOffset(2027, 3, 30, 8, 0, 0, TimeSpan.Zero));
        move.Reason.Should().Be("Saturday; then Easter Monday (bank holiday)");
    }

    [Fact]
    public void MoveToWorkingDay_OnAWorkingDay_StaysPut()
    {
        var firing = new DateTimeOffset(2027, 3, 30, 8, 0, 0, TimeSpan.Zero);

        var move = Calendar().MoveToWorkingDay(firing, London);

        move.WasMoved.Should().BeFalse();
        move.At.Should().Be(firing);
        move.Reason.Should().BeNull();
    }

    [Fact]
    public void MoveToWorkingDay_UsesTheLocalDate_NotTheUtcDate()
    {
        // 00:30 BST on Tuesday 4 May 2027 is still Monday 3 May (a bank holiday) in UTC, but Tuesday in London: no move.
        var firing = new DateTimeOffset(2027, 5, 3, 23, 30, 0, TimeSpan.Zero);

        Calendar().MoveToWorkingDay(firing, London).WasMoved.Should().BeFalse();
    }

    [Fact]
    public void WorkingDayOnOrAfter_WhenEveryDayIsAHoliday_SaysSoInsteadOfLoopingForever()
    {
        var always = new WorkingCalendar([], [new SchoolHoliday(new DateOnly(2027, 1, 1), new DateOnly(2029, 1, 1), "strike")]);

        var act = () => always.NextWorkingDay(new DateOnly(2027, 6, 1));

        act.Should().Throw<InvalidOperationException>().WithMessage("*no working day*");
    }

    [Fact]
    public void KnowsBankHolidaysOf_OnlyTheYearsInTheData() =>
        Calendar().KnowsBankHolidaysOf(2027).Should().BeTrue();
}
