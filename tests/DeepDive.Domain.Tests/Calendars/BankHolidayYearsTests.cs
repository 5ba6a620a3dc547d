using DeepDive.Domain.Calendars;

namespace DeepDive.Domain.Tests.Calendars;

/// <summary>Which years a calendar's bank holidays cover, so a day outside them is known not to have been checked.</summary>
public sealed class BankHolidayYearsTests
{
    private static readonly WorkingCalendar Calendar = new(
    [
        new BankHoliday(new DateOnly(2029, 12, 25), "Christmas Day"),
        new BankHoliday(new DateOnly(2030, 1, 1), "New Year’s Day"),
        new BankHoliday(new DateOnly(2030, 12, 25), "Christmas Day"),
    ]);

    [Fact]
    public void FirstAndLastBankHolidayYear_AreTheYearsTheDataCovers()
    {
        Calendar.FirstBankHolidayYear.Should().Be(2029);
        Calendar.LastBankHolidayYear.Should().Be(2030);
    }

    [Fact]
    public void WithoutBankHolidays_NoYearIsCovered()
    {
        WorkingCalendar.WeekendsOnly.LastBankHolidayYear.Should().BeNull();
        WorkingCalendar.WeekendsOnly.FirstYearWithoutBankHolidays(new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 4)).Should().Be(2027);
    }

    [Theory]
    [InlineData("2029-01-02", "2030-12-31", null)]
    [InlineData("2030-12-16", "2031-01-06", 2031)]
    [InlineData("2031-01-06", "2031-01-06", 2031)]
    [InlineData("2028-12-20", "2029-01-10", 2028)]
    public void FirstYearWithoutBankHolidays_NamesTheFirstYearBetweenTheDaysThatWasNotChecked(string from, string to, int? year) =>
        Calendar.FirstYearWithoutBankHolidays(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(year);
}
