namespace DeepDive.Cli.Tests;

/// <summary><c>deepdive simulate</c> as a manager runs it: a programme file previewed in virtual time, or refused with where it is wrong.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Simulate_previews_the_example_programme_with_rounds_months_workload_chart_and_reminders()
    {
        var folder = Path.Combine(cli.Folder, "preview");

        var result = await cli.RunRawAsync(["simulate", "--from", "2027-04-01", "--to", "2028-03-31", "--programme", CliRunner.Example("cycles"),
            "--cases", "3000", "--folder", folder], TimeSpan.FromMinutes(8));

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("Rounds (UK time)").And.Contain("Month by month").And.Contain("Workload")
            .And.Contain("neglect-quarterly").And.Contain("safeguarding-in-education-2027").And.Contain("re-audit");
        var chart = Path.Combine(folder, "workload.png");
        File.Exists(chart).Should().BeTrue();
        (await File.ReadAllBytesAsync(chart)).Take(4).Should().Equal(0x89, (byte)'P', (byte)'N', (byte)'G');
        Directory.GetFiles(Path.Combine(folder, "outbox"), "*.eml").Should().NotBeEmpty("tasks are reminded before their deadlines");
        Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Should().BeEquivalentTo(["workload.png", "outbox", ".deepdive-simulate"],
            "the scratch database is removed when the preview ends");
    }

    [Fact]
    public async Task Simulate_refuses_a_programme_with_an_error_naming_the_cycle_and_the_json_path_and_runs_nothing()
    {
        var programme = cli.WriteFile("programme.json", """
            [ { "id": "a", "name": "A", "theme": "neglect", "schedule": { "months": [13] }, "sampleSize": 5 } ]
            """);
        var folder = Path.Combine(cli.Folder, "refused");

        var result = await cli.RunRawAsync(["simulate", "--programme", programme, "--folder", folder]);

        result.ExitCode.Should().Be(2, result.ToString());
        result.Output.Should().Contain("nothing was run").And.Contain("programme.json[0]: $.schedule.months[0]");
        Directory.Exists(folder).Should().BeFalse();
    }
}
