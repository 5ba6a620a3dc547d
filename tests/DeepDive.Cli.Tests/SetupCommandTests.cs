namespace DeepDive.Cli.Tests;

public sealed class SetupCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Init_creates_the_database_and_is_idempotent()
    {
        var first = await cli.RunAsync("init");

        first.ExitCode.Should().Be(0, first.ToString());
        File.Exists(cli.DatabaseFile).Should().BeTrue();
        first.StdOut.Should().MatchRegex(@"Database ready \(Sqlite\): [1-9]\d* migration\(s\) applied");
        first.StdOut.Should().Contain("applied 0001_initial.sql");

        var second = await cli.RunAsync("init");

        second.ExitCode.Should().Be(0, second.ToString());
        second.StdOut.Should().Contain("0 migration(s) applied");
        second.StdOut.Should().NotContain("applied 0001");
    }

    [Fact]
    public async Task Init_by_four_processes_at_once_on_a_new_file_applies_each_script_once_and_none_fails()
    {
        // Three new files, four processes each: how close the processes start varies, so one file alone often misses the race.
        for (var file = 0; file < 3; file++)
        {
            var path = Path.Combine(cli.Folder, $"new-{file}.db");
            var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => cli.RunRawAsync(["init", "--db", path])));

            runs.Should().OnlyContain(r => r.ExitCode == 0, string.Join("\n", runs.Select(r => r.ToString())));
            runs.Count(r => r.StdOut.Contains("applied 0001_initial.sql", StringComparison.Ordinal)).Should().Be(1,
                "one process upgrades the new file while the others wait, then find nothing to do");
        }
    }

    [Fact]
    public async Task Import_cases_accepts_the_example_and_rejects_a_bad_file_whole()
    {
        (await cli.RunAsync("init")).ExitCode.Should().Be(0);
        var good = await cli.RunAsync("import", "cases", CliRunner.Example("cases.csv"));

        good.ExitCode.Should().Be(0, good.ToString());
        good.StdOut.Should().Contain("Imported cases").And.Contain("10 new, 0 updated");
        cli.Scalar("SELECT COUNT(*) FROM case_record").Should().Be(10);

        var bad = cli.WriteFile("bad-cases.csv",
            "case_ref,agency,case_type,team,worker,school,opened,closed,involved_agencies\n"
            + "CSC-2099-000001,csc,child-protection,north-assessment,W-0001,,2025-02-30,,police\n"
            + "CSC-2099-000002,csc,child-in-need,north-assessment,W-0001,,2025-03-01\n");
        var result = await cli.RunAsync("import", "cases", bad);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.StdOut.Should().Contain("was not imported").And.Contain("nothing was written");
        result.StdOut.Should().Contain("2 error(s)");
        result.StdOut.Should().Contain("line 2, column opened: '2025-02-30' is not a date");
        result.StdOut.Should().Contain("line 3, column closed: the row has 7 values but the header has 9 columns");
        cli.Scalar("SELECT COUNT(*) FROM case_record").Should().Be(10);
        cli.Scalar("SELECT COUNT(*) FROM case_record WHERE case_ref LIKE 'CSC-2099-%'").Should().Be(0);
    }

    [Fact]
    public async Task Import_cases_reports_a_missing_column_in_the_header()
    {
        var bad = cli.WriteFile("no-opened.csv",
            "case_ref,agency,case_type,team,worker,school,closed,involved_agencies\n"
            + "CSC-2099-000003,csc,child-protection,north-assessment,W-0001,,,police\n");
        var result = await cli.RunAsync("import", "cases", bad);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.StdOut.Should().Contain("line 1, column opened: missing column");
        cli.Scalar("SELECT COUNT(*) FROM case_record").Should().Be(0);
    }

    [Fact]
    public async Task Import_auditors_accepts_the_example_and_rejects_a_bad_file_whole()
    {
        var good = await cli.RunAsync("import", "auditors", CliRunner.Example("auditors.csv"));

        good.ExitCode.Should().Be(0, good.ToString());
        good.StdOut.Should().Contain("Imported auditors").And.Contain("6 new, 0 updated");
        cli.Scalar("SELECT COUNT(*) FROM auditor").Should().Be(6);

        var bad = cli.WriteFile("bad-auditors.csv",
            "auditor_id,name,agency,team,skills,monthly_capacity\n"
            + "AUD-901,Ann Example,csc,quality-assurance,,lots\n"
            + "AUD-902,Bob Example,police,public-protection-unit\n");
        var result = await cli.RunAsync("import", "auditors", bad);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.StdOut.Should().Contain("was not imported");
        result.StdOut.Should().MatchRegex(@"line 2, column monthly_capacity: .+");
        result.StdOut.Should().MatchRegex(@"line 3, column \w+: .+");
        cli.Scalar("SELECT COUNT(*) FROM auditor").Should().Be(6);

        var missing = cli.WriteFile("no-capacity.csv", "auditor_id,name,agency,team,skills\nAUD-903,Cy Example,csc,qa,\n");
        var header = await cli.RunAsync("import", "auditors", missing);

        header.ExitCode.Should().NotBe(0, header.ToString());
        header.StdOut.Should().Contain("line 1, column monthly_capacity: missing column");
        cli.Scalar("SELECT COUNT(*) FROM auditor").Should().Be(6);
    }

    [Fact]
    public async Task Import_of_a_file_that_does_not_exist_fails()
    {
        var result = await cli.RunAsync("import", "cases", Path.Combine(cli.Folder, "nope.csv"));

        result.ExitCode.Should().NotBe(0);
        result.StdOut.Should().Contain("No such file");
    }

    [Fact]
    public async Task Cycle_add_saves_the_cycle_prints_next_rounds_and_cycle_list_shows_it()
    {
        var add = await cli.RunAsync("cycle", "add", CliRunner.Example("cycles", "neglect-quarterly.json"));

        add.ExitCode.Should().Be(0, add.ToString());
        add.StdOut.Should().Contain("Cycle 'neglect-quarterly' saved");
        add.StdOut.Should().MatchRegex(@"next round: Monday \d{1,2} (March|June|September|December) \d{4} 09:00 Europe/London");

        var list = await cli.RunAsync("cycle", "list");

        list.ExitCode.Should().Be(0, list.ToString());
        // COLUMNS=200 keeps each table row on one line even though the output is redirected.
        list.StdOut.Split('\n').Should().Contain(l => l.Contains("neglect-quarterly") && l.Contains("Neglect: quarterly multi-agency deep dive") && l.Contains("3 months"));
    }

    [Fact]
    public async Task Cycle_add_rejects_a_bad_file_listing_every_error_with_its_path()
    {
        var bad = cli.WriteFile("bad-cycle.json", """
            {
              "id": "typo-cycle",
              "name": "Typo",
              "theme": "neglect",
              "priorityTags": [],
              "schedual": { "cron": "0 0 9 ? * MON" },
              "schedule": { "cron": "0 0 9 ? * MON" },
              "population": {},
              "sampleSize": 0,
              "reserveSize": 0,
              "auditTool": "multi-agency-deep-dive",
              "auditToolVersion": 1,
              "taskDeadlineWorkingDays": 5,
              "reAudit": { "intervalMonths": 3 }
            }
            """);
        var result = await cli.RunAsync("cycle", "add", bad);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.StdOut.Should().Contain("is not a valid cycle");
        result.StdOut.Should().MatchRegex(@"\$\.schedual: .*unknown property");
        result.StdOut.Should().MatchRegex(@"\$\.sampleSize: .+");

        var list = await cli.RunAsync("cycle", "list");
        list.StdOut.Should().NotContain("typo-cycle");
    }
}
