using DeepDive.Domain.Calendars;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Import;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Import;

public sealed class SchoolTermImporterTests
{
    private static readonly TimeProvider Clock = TimeProvider.System;

    [Fact]
    public async Task Import_StoresTheTerms_AndTheHolidaysAreTheGapsBetween()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();

        var result = await Import(sqlite, """
            term,start,end
            Autumn 2,2027-11-01,2027-12-17
            Autumn 1,2027-09-01,2027-10-22
            """);

        result.Errors.Should().BeEmpty();
        result.Inserted.Should().Be(2);
        var calendar = await new CalendarStore(sqlite.Database, Clock).ForPartnershipAsync("p", schoolHolidays: true, CancellationToken.None);
        calendar.WhyNotWorking(new DateOnly(2027, 10, 27)).Should().Be("school holiday: October half term");
        calendar.SchoolHolidays.Should().Equal(new SchoolHoliday(new DateOnly(2027, 10, 23), new DateOnly(2027, 10, 31), "October half term"));
    }

    [Fact]
    public async Task Import_ABadFile_IsRejectedWhole_WithLineAndColumn_AndKeepsWhatWasStored()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        (await Import(sqlite, "term,start,end\nAutumn 1,2027-09-01,2027-10-22\nAutumn 2,2027-11-01,2027-12-17\n")).Errors.Should().BeEmpty();

        var result = await Import(sqlite, """
            term,start,end
            Autumn 1,2028-09-04,2028-10-20
            Autumn 2,2028-10-18,2028-12-20
            Spring 1,2029-01-07,2029-02-30
            Spring 2,2029-02-19,2029-02-01
            Summer 1,2029-07-01,2029-07-20
            """);

        result.Succeeded.Should().BeFalse();
        result.Errors.Select(e => e.ToString()).Should().Equal(
            "line 3, column start: the term starts on 2028-10-18, before the term on line 2 ends (2028-10-20); terms must not overlap",
            "line 4, column end: '2029-02-30' is not a date in the form yyyy-MM-dd",
            "line 5, column end: the term ends on 2029-02-01, before it starts on 2029-02-19");
        var terms = await new SchoolTermStore(sqlite.Database, Clock).ListAsync("p", CancellationToken.None);
        terms.Select(t => t.Name).Should().Equal("Autumn 1", "Autumn 2");
    }

    [Fact]
    public async Task Import_AGapLongerThanAnyHoliday_SaysATermSeemsMissing()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();

        var result = await Import(sqlite, "term,start,end\nAutumn 1,2027-09-01,2027-10-22\nSummer 1,2028-04-17,2028-05-26\n");

        result.Errors.Select(e => e.ToString()).Should().Equal(
            "line 3, column start: the term starts 177 days after the term on line 2 ends (2027-10-22); a school holiday is at most 63 days, so a term seems to be missing");
    }

    [Fact]
    public async Task Import_ReplacesTheTermsInTheDatesItSpans_AndKeepsOtherYears()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        (await Import(sqlite, "term,start,end\nSummer 2,2027-06-07,2027-07-21\nAutumn 1,2027-09-01,2027-10-22\n")).Errors.Should().BeEmpty();

        var result = await Import(sqlite, "term,start,end\nAutumn 1,2027-09-02,2027-10-21\nAutumn 2,2027-11-01,2027-12-17\n");

        result.Updated.Should().Be(1, "the old Autumn 1 overlapped the new file's dates");
        var terms = await new SchoolTermStore(sqlite.Database, Clock).ListAsync("p", CancellationToken.None);
        terms.Select(t => $"{t.Name} {t.Starts:yyyy-MM-dd}").Should().Equal("Summer 2 2027-06-07", "Autumn 1 2027-09-02", "Autumn 2 2027-11-01");
    }

    private static Task<ImportResult> Import(SqliteDatabase sqlite, string csv) =>
        new SchoolTermImporter(sqlite.Database, Clock).ImportAsync("p", new StringReader(csv), CancellationToken.None);
}
