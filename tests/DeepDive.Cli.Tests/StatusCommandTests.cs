using System.Text.Json;

namespace DeepDive.Cli.Tests;

/// <summary>'deepdive status' on a fresh database and on one with a round scheduled past the bank-holiday file.</summary>
public sealed class StatusCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Status_of_a_database_with_no_schema_says_to_initialise_it_and_exits_non_zero()
    {
        var status = await cli.RunAsync("status");

        status.ExitCode.Should().Be(2, status.ToString());
        status.StdOut.Should().Contain("needs attention").And.Contain("run 'deepdive init'");
        File.Exists(cli.DatabaseFile).Should().BeTrue("SQLite made the file, but status created no table in it");
        cli.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").Should().Be(0, "status only reads");
    }

    [Fact]
    public async Task Status_lists_the_next_firings_and_warns_of_one_in_a_year_the_bank_holidays_do_not_cover()
    {
        (await cli.RunAsync("init")).ExitCode.Should().Be(0);
        var cycle = cli.WriteFile("far.json", """
            {
              "id": "far-ahead",
              "name": "Far ahead",
              "theme": "neglect",
              "priorityTags": [],
              "schedule": { "cron": "0 0 9 6 JAN ? 2031" },
              "population": {},
              "sampleSize": 2,
              "reserveSize": 0,
              "auditTool": "multi-agency-deep-dive",
              "auditToolVersion": 1,
              "taskDeadlineWorkingDays": 5
            }
            """);
        var add = await cli.RunAsync("cycle", "add", cycle);
        add.ExitCode.Should().Be(0, add.ToString());

        var status = await cli.RunAsync("status");

        status.ExitCode.Should().Be(0, status.ToString());
        status.StdOut.Should().Contain("DeepDive: healthy").And.Contain("round of cycle far-ahead (default)").And.Contain("2031-01-06 09:00 UTC");
        status.StdOut.Should().Contain("Warning:").And.Contain("Mon 6 Jan 2031 was not checked for bank holidays").And.Contain("bank-holidays-england-and-wales.json");
        var json = await cli.RunAsync("status", "--json");
        using var document = JsonDocument.Parse(json.StdOut);
        document.RootElement.GetProperty("healthy").GetBoolean().Should().BeTrue();
        document.RootElement.GetProperty("status").GetProperty("warnings").EnumerateArray().Select(w => w.GetString())
            .Should().Contain(w => w!.Contains("2031"));
        document.RootElement.GetProperty("status").GetProperty("database").GetProperty("scripts_pending").GetInt32().Should().Be(0);
    }
}
