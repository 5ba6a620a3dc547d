namespace DeepDive.Cli.Tests;

/// <summary>A cycle's life driven through the CLI as a business manager would: pause, edit, resume, retire, a rapid audit, the report.</summary>
public sealed class CycleLifecycleCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    private async Task<CliResult> OkAsync(params string[] args)
    {
        var result = await cli.RunAsync(args);
        result.ExitCode.Should().Be(0, result.ToString());
        return result;
    }

    private string StatusLine(CliResult list, string cycle) => list.StdOut.Split('\n').Single(l => l.Contains($"│ {cycle} ", StringComparison.Ordinal));

    [Fact]
    public async Task Pause_Edit_Resume_Retire_AndTheReport()
    {
        await OkAsync("init");
        await OkAsync("cycle", "add", CliRunner.Example("cycles", "neglect-quarterly.json"));
        StatusLine(await OkAsync("cycle", "list"), "neglect-quarterly").Should().Contain("│ active ");

        (await OkAsync("cycle", "pause", "neglect-quarterly")).StdOut.Should().Contain("Cycle 'neglect-quarterly' paused");
        (await OkAsync("cycle", "pause", "neglect-quarterly")).StdOut.Should().Contain("was already paused");
        StatusLine(await OkAsync("cycle", "list"), "neglect-quarterly").Should().Contain("│ paused ");
        cli.Scalar("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_name = 'default/neglect-quarterly' AND trigger_state = 'PAUSED'").Should().Be(1);

        var original = File.ReadAllText(CliRunner.Example("cycles", "neglect-quarterly.json"));
        var renamed = cli.WriteFile("renamed.json", original.Replace("\"id\": \"neglect-quarterly\"", "\"id\": \"neglect-2028\"", StringComparison.Ordinal));
        var wrongId = await cli.RunAsync("cycle", "edit", "neglect-quarterly", "--file", renamed);
        wrongId.ExitCode.Should().Be(1, wrongId.ToString());
        wrongId.StdOut.Should().Contain("Refused:").And.Contain("a cycle's id cannot change");
        var invalid = cli.WriteFile("invalid.json", original.Replace("\"sampleSize\": 10", "\"sampleSize\": 0", StringComparison.Ordinal));
        var refused = await cli.RunAsync("cycle", "edit", "neglect-quarterly", "--file", invalid);
        refused.ExitCode.Should().Be(1, refused.ToString());
        refused.StdOut.Should().Contain("$.sampleSize: value 0 is below the minimum of 1").And.Contain("nothing was stored");
        var bigger = cli.WriteFile("bigger.json", original.Replace("\"sampleSize\": 10", "\"sampleSize\": 12", StringComparison.Ordinal));
        (await OkAsync("cycle", "edit", "neglect-quarterly", "--file", bigger)).StdOut.Should().Contain("rounds already open keep their own copy");
        StatusLine(await OkAsync("cycle", "list"), "neglect-quarterly").Should().Contain("│ paused ", "editing does not resume").And.Contain("│ 12 ");
        cli.Scalar("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_name = 'default/neglect-quarterly' AND trigger_state = 'PAUSED'").Should().Be(1);

        var resume = await OkAsync("cycle", "resume", "neglect-quarterly");
        resume.StdOut.Should().Contain("resumed").And.Contain("skipped while paused (not run): none").And.Contain("next round: Mon ");
        cli.Scalar("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_name = 'default/neglect-quarterly' AND trigger_state = 'WAITING'").Should().Be(1);

        (await OkAsync("cycle", "retire", "neglect-quarterly")).StdOut.Should().Contain("retired");
        cli.Scalar("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_name = 'default/neglect-quarterly'").Should().Be(0);
        var again = await cli.RunAsync("cycle", "resume", "neglect-quarterly");
        again.ExitCode.Should().Be(1, again.ToString());
        again.StdOut.Should().Contain("retired and cannot be resumed");

        var report = await OkAsync("cycle", "report", "neglect-quarterly");
        report.StdOut.Should().Contain("Cycle 'neglect-quarterly'").And.Contain("(retired)").And.Contain("Re-audit results: improved 0, same 0, worse 0");
        var history = report.StdOut[report.StdOut.IndexOf("History", StringComparison.Ordinal)..];
        new[] { "added", "paused", "edited", "resumed", "retired" }.Select(a => history.IndexOf($"│ {a} ", StringComparison.Ordinal))
            .Should().BeInAscendingOrder().And.NotContain(-1);
        (await cli.RunAsync("cycle", "report", "no-such-cycle")).ExitCode.Should().Be(1);
    }

    [Fact]
    public async Task Rapid_FromAFile_OpensARoundNow_WhoseTasksAreDueInFiveWorkingDays()
    {
        await OkAsync("init");
        await OkAsync("import", "cases", CliRunner.Example("cases.csv"));
        await OkAsync("import", "auditors", CliRunner.Example("auditors.csv"));

        var rapid = await OkAsync("cycle", "rapid", "--file", CliRunner.Example("cycles", "exploitation-rapid-cron.json"));
        rapid.StdOut.Should().Contain("Rapid round R").And.Contain("tasks due").And.Contain("(5 working days)");
        await OkAsync("run", "--until-idle");

        var round = cli.Rows("SELECT round_id, kind, started_utc FROM audit_round").Should().ContainSingle().Subject;
        round[1].Should().Be("rapid");
        var started = DateTime.Parse(round[2]!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var dues = cli.Rows($"SELECT due_utc FROM audit_task WHERE round_id = '{round[0]}'").Select(r => r[0]).ToList();
        dues.Should().NotBeEmpty();
        // Five working days on, skipping weekends and the shipped bank holidays (the test runs on any date, Christmas week too).
        var expected = (FifthWorkingDayAfter(started) - started).TotalDays;
        dues.Select(d => (DateTime.Parse(d!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal) - started).TotalDays)
            .Should().OnlyContain(days => Math.Abs(days - expected) < 0.1, "tasks are due at the deadline, counted from the round's start");
        var report = await OkAsync("cycle", "report", "exploitation-rapid");
        report.StdOut.Should().Contain("rapid").And.Contain("rapid audit: tasks due");

        var neither = await cli.RunAsync("cycle", "rapid");
        neither.ExitCode.Should().NotBe(0);
        neither.Output.Should().Contain("Give either a cycle id or --file");
    }

    /// <summary>The same London time of day, five weekdays later that are not in the bank holidays file.</summary>
    private static DateTime FifthWorkingDayAfter(DateTime startedUtc)
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var holidays = DeepDive.Engine.Calendars.BankHolidayFile.Read(DeepDive.Engine.Calendars.BankHolidayFile.DefaultPath()).Select(h => h.Date).ToHashSet();
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(startedUtc, DateTimeKind.Utc), london);
        var day = DateOnly.FromDateTime(local);
        for (var counted = 0; counted < 5;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day))
            {
                counted++;
            }
        }

        return TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.FromDateTime(local)), london);
    }
}
