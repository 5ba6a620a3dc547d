using DeepDive.Domain.Calendars;

namespace DeepDive.Domain.Tests.Calendars;

public sealed class SchoolHolidayTests
{
    private static SchoolTerm Term(string starts, string ends) =>
        new(DateOnly.Parse(starts, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(ends, System.Globalization.CultureInfo.InvariantCulture), "term");

    [Fact]
    public void Between_NamesEachGapTheWaySchoolsDo()
    {
        var holidays = SchoolHoliday.Between(
        [
            Term("2026-04-13", "2026-05-22"),
            Term("2026-06-01", "2026-07-22"),
            Term("2026-09-02", "2026-10-23"),
            Term("2026-11-02", "2026-12-18"),
            Term("2027-01-04", "2027-02-12"),
            Term("2027-02-22", "2027-03-25"),
            Term("2027-04-12", "2027-05-28"),
        ]);

        holidays.Select(h => $"{h.Starts:yyyy-MM-dd}..{h.Ends:yyyy-MM-dd} {h.Name}").Should().Equal(
            "2026-05-23..2026-05-31 May half term",
            "2026-07-23..2026-09-01 summer holidays",
            "2026-10-24..2026-11-01 October half term",
            "2026-12-19..2027-01-03 Christmas holidays",
            "2027-02-13..2027-02-21 February half term",
            "2027-03-26..2027-04-11 Easter holidays");
    }

    [Fact]
    public void Between_AWeekendOnlyGapOrAMissingYear_IsNoHoliday()
    {
        var holidays = SchoolHoliday.Between(
        [
            Term("2026-09-02", "2026-09-25"),   // ends on a Friday
            Term("2026-09-28", "2026-10-23"),   // starts the Monday after: a weekend, not a holiday
            Term("2027-09-01", "2027-10-22"),   // a year later: the year between was not imported
        ]);

        holidays.Should().BeEmpty();
    }
}
