using DeepDive.Domain.Calendars;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Calendars;

public sealed class BankHolidayFileTests
{
    private static IReadOnlyList<BankHoliday> Shipped() => BankHolidayFile.Read(BankHolidayFile.DefaultPath());

    [Theory]
    [InlineData(2025)]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2028)]
    [InlineData(2029)]
    [InlineData(2030)]
    public void ShippedFile_HasTheStatutoryBankHolidaysOfEachYear_WithSubstituteDays(int year)
    {
        var easter = EasterSunday(year);
        var expected = new List<(DateOnly, string)>
        {
            (Substitute(new DateOnly(year, 1, 1)), "New Year’s Day"),
            (easter.AddDays(-2), "Good Friday"),
            (easter.AddDays(1), "Easter Monday"),
            (FirstMonday(year, 5), "Early May bank holiday"),
            (LastMonday(year, 5), "Spring bank holiday"),
            (LastMonday(year, 8), "Summer bank holiday"),
        };
        // Christmas Day and Boxing Day: on a weekend, the next weekdays not already taken.
        var christmas = Substitute(new DateOnly(year, 12, 25));
        var boxing = Substitute(new DateOnly(year, 12, 26));
        if (boxing <= christmas)
        {
            boxing = Substitute(christmas.AddDays(1));
        }

        expected.Add((christmas, "Christmas Day"));
        expected.Add((boxing, "Boxing Day"));

        Shipped().Where(h => h.Date.Year == year).Select(h => (h.Date, h.Title)).Should().BeEquivalentTo(expected);
    }

    [Fact]
    public void ShippedFile_MarksTheSubstituteDays()
    {
        var substitutes = Shipped().Where(h => h.Notes == "Substitute day").Select(h => h.Date).ToList();

        substitutes.Should().Equal(new DateOnly(2026, 12, 28), new DateOnly(2027, 12, 27), new DateOnly(2027, 12, 28), new DateOnly(2028, 1, 3));
    }

    [Fact]
    public void Parse_AcceptsGovUksWholeFile_TakingEnglandAndWales()
    {
        var holidays = BankHolidayFile.Parse("""
            { "england-and-wales": { "division": "england-and-wales", "events": [ { "title": "Christmas Day", "date": "2030-12-25", "notes": "", "bunting": true } ] },
              "scotland": { "division": "scotland", "events": [ { "title": "St Andrew’s Day", "date": "2030-12-02", "notes": "", "bunting": true } ] } }
            """, "bank-holidays.json");

        holidays.Should().Equal(new BankHoliday(new DateOnly(2030, 12, 25), "Christmas Day"));
    }

    [Fact]
    public void Parse_ABadFile_ListsEveryProblemWithItsJsonPath()
    {
        var act = () => BankHolidayFile.Parse("""
            { "division": "england-and-wales", "events": [
              { "title": "Christmas Day", "date": "2030-12-25" },
              { "title": "Boxing Day", "date": "2030-12-32" },
              { "date": "2030-12-27" },
              { "title": "Christmas again", "date": "2030-12-25" },
              { "title": "A Saturday", "date": "2030-12-28" }
            ] }
            """, "holidays.json");

        act.Should().Throw<BankHolidayFileException>().Which.Errors.Select(e => e.ToString()).Should().Equal(
            "$.events[1].date: '2030-12-32' is not a date in the form yyyy-MM-dd",
            "$.events[2]: required property 'title' is missing",
            "$.events[3].date: 2030-12-25 is already given at $.events[0]",
            "$.events[4].date: 2030-12-28 is a Saturday; a bank holiday on a weekend is given on its substitute day (notes: \"Substitute day\")");
    }

    [Fact]
    public async Task LoadFile_StoresTheHolidaysOnce_AndABadFileChangesNothing()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var store = new BankHolidayStore(sqlite.Database);

        var first = await store.LoadFileAsync(null, CancellationToken.None);
        var again = await store.LoadFileAsync(null, CancellationToken.None);

        first.Changed.Should().BeTrue();
        first.Count.Should().Be(48);
        (first.FirstYear, first.LastYear).Should().Be((2025, 2030));
        again.Changed.Should().BeFalse("nothing is rewritten when the file has not changed");
        (await store.ListAsync(CancellationToken.None)).Should().Equal(Shipped());

        var bad = Path.Combine(Path.GetDirectoryName(sqlite.Path)!, $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(bad, """{ "events": [ { "title": "Oops", "date": "tomorrow" } ] }""");
        try
        {
            var act = () => store.LoadFileAsync(bad, CancellationToken.None);
            await act.Should().ThrowAsync<BankHolidayFileException>().WithMessage("*$.events[0].date: 'tomorrow' is not a date*");
            (await store.ListAsync(CancellationToken.None)).Should().HaveCount(48);
        }
        finally
        {
            File.Delete(bad);
        }
    }

    private static DateOnly Substitute(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Saturday => date.AddDays(2),
        DayOfWeek.Sunday => date.AddDays(1),
        _ => date,
    };

    private static DateOnly FirstMonday(int year, int month)
    {
        var day = new DateOnly(year, month, 1);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var day = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    private static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = ((19 * a) + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        int m = (a + (11 * h) + (22 * l)) / 451, month = (h + l - (7 * m) + 114) / 31, day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
