namespace DeepDive.Cli.Tests;

public sealed class CalendarCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Terms_import_and_calendar_show_name_every_day_off()
    {
        var init = await cli.RunAsync("init");
        init.ExitCode.Should().Be(0, init.ToString());
        init.StdOut.Should().Contain("Bank holidays: 48 days, 2025-2030, loaded from");

        var import = await cli.RunAsync("calendar", "import-terms", Path.Combine(CliRunner.Examples, "school-terms.csv"));
        import.ExitCode.Should().Be(0, import.ToString());
        import.StdOut.Should().Contain("Imported 8 school terms");

        var show = await cli.RunAsync("calendar", "show", "--year", "2027");
        show.ExitCode.Should().Be(0, show.ToString());
        show.StdOut.Should().Contain("Mon 3 May 2027").And.Contain("Early May bank holiday (bank holiday)");
        show.StdOut.Should().Contain("Christmas Day, substitute day (bank holiday)");
        show.StdOut.Should().Contain("Sat 23 Oct 2027").And.Contain("school holiday: October half term");

        var bad = cli.WriteFile("bad-terms.csv", "term,start,end\nAutumn 1,2028-09-04,2028-10-20\nAutumn 2,2028-10-18,2028-13-20\n");
        var refused = await cli.RunAsync("calendar", "import-terms", bad);
        refused.ExitCode.Should().Be(1, refused.ToString());
        refused.StdOut.Should().Contain("nothing was written").And.Contain("line 3, column end: '2028-13-20' is not a date in the form yyyy-MM-dd");
        cli.Scalar("SELECT COUNT(*) FROM school_term").Should().Be(8);
    }

    [Fact]
    public async Task Cycle_next_lists_the_coming_rounds_with_the_reason_for_each_moved_one()
    {
        (await cli.RunAsync("calendar", "import-terms", Path.Combine(CliRunner.Examples, "school-terms.csv"))).ExitCode.Should().Be(0);
        var cycle = cli.WriteFile("mondays.json", """
            {
              "id": "mondays", "name": "Mondays in May and October", "theme": "neglect",
              "schedule": { "cron": "0 0 9 ? MAY,OCT MON", "avoidSchoolHolidays": true },
              "sampleSize": 2
            }
            """);
        var add = await cli.RunAsync("cycle", "add", cycle);
        add.ExitCode.Should().Be(0, add.ToString());

        var next = await cli.RunAsync("cycle", "next", "mondays", "--count", "10", "--from", "2027-05-01");

        next.ExitCode.Should().Be(0, next.ToString());
        var rows = next.StdOut.Split('\n').Where(l => l.Contains(" 2027 ", StringComparison.Ordinal) || l.Contains(" 2028 ", StringComparison.Ordinal)).ToList();
        rows.Should().HaveCount(10, next.StdOut);
        rows[0].Should().Contain("Tue 4 May 2027 09:00").And.Contain("Mon 3 May 2027").And.Contain("Early May bank holiday (bank holiday)");
        rows[1].Should().Contain("Mon 10 May 2027 09:00");
        rows[4].Should().Contain("Mon 7 Jun 2027 09:00").And.Contain("Spring bank holiday (bank holiday); then school holiday: May half term");
        rows[8].Should().Contain("Mon 1 Nov 2027 09:00").And.Contain("Mon 25 Oct 2027").And.Contain("school holiday: October half term");
        rows[9].Should().Contain("Tue 2 May 2028 09:00").And.Contain("Early May bank holiday (bank holiday)");

        var unknown = await cli.RunAsync("cycle", "next", "no-such-cycle");
        unknown.ExitCode.Should().Be(1);
        unknown.StdOut.Should().Contain("There is no cycle 'no-such-cycle'");
    }
}
