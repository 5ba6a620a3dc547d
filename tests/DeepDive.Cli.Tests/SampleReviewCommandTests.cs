using System.Text;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Cli.Tests;

/// <summary>A manager reviews a draw through the CLI: replace, add by hand, lock, then the report.</summary>
public sealed class SampleReviewCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task CycleAdd_FilterOnAnUnknownField_IsRefusedWithItsPath_AndNothingIsStored()
    {
        (await cli.RunAsync("init")).ExitCode.Should().Be(0);
        var file = cli.WriteFile("bad.json", """
            { "id": "bad", "name": "Bad", "theme": "neglect", "schedule": { "months": [3] }, "sampleSize": 5,
              "population": { "region": "north" } }
            """);

        var add = await cli.RunAsync("cycle", "add", file);

        add.ExitCode.Should().Be(1, add.ToString());
        add.StdOut.Should().Contain("bad.json is not a valid cycle").And.Contain("$.population.region: unknown property 'region'; allowed here: agencies,");
        cli.Scalar("SELECT COUNT(*) FROM cycle").Should().Be(0);
    }

    [Fact]
    public async Task Manager_ReplacesAddsAndLocks_ThroughTheCli_AndTheReportShowsIt()
    {
        (await cli.RunAsync("init")).ExitCode.Should().Be(0);
        var cases = new StringBuilder("case_ref,agency,case_type,team,worker,school,opened,closed,involved_agencies,family_ref,age_band,tags\n");
        for (var i = 1; i <= 30; i++)
        {
            cases.Append($"CSC-{i:D4},csc,child-in-need,team-{i % 3},W-{i % 5},,2026-01-05,,,{(i <= 4 ? "FAM-1" : "")},{(i % 2 == 0 ? "5-9" : "10-15")},{(i % 3 == 0 ? "neglect" : "")}\n");
        }

        var import = await cli.RunAsync("import", "cases", cli.WriteFile("cases.csv", cases.ToString()));
        import.ExitCode.Should().Be(0, import.ToString());
        (await cli.RunAsync("import", "auditors", CliRunner.Example("auditors.csv"))).ExitCode.Should().Be(0);
        var cycle = cli.WriteFile("review.json", """
            { "id": "review", "name": "Reviewed deep dive", "theme": "neglect", "schedule": { "months": [3] },
              "population": { "agencies": ["csc"], "ageBands": ["5-9", "10-15"] }, "sampleSize": 4, "reserveSize": 2,
              "exclusions": { "auditedWithinMonths": 12, "siblings": true }, "sampling": { "lock": "manager" } }
            """);
        var add = await cli.RunAsync("cycle", "add", cycle);
        add.ExitCode.Should().Be(0, add.ToString());
        var roundId = await OpenRoundAsync("review");
        cli.Scalar($"SELECT COUNT(*) FROM sample_case WHERE round_id = '{roundId}' AND case_ref IN ('CSC-0001', 'CSC-0002', 'CSC-0003', 'CSC-0004')")
            .Should().BeLessThanOrEqualTo(1, "siblings share FAM-1");
        var first = cli.Rows($"SELECT case_ref FROM sample_case WHERE round_id = '{roundId}' AND list = 'sample' AND position = 1").Single()[0]!;
        var reserve = cli.Rows($"SELECT case_ref FROM sample_case WHERE round_id = '{roundId}' AND list = 'reserve' AND position = 1").Single()[0]!;
        var outside = cli.Rows($"SELECT case_ref FROM case_record WHERE case_ref NOT IN (SELECT case_ref FROM sample_case WHERE round_id = '{roundId}') AND case_ref > 'CSC-0004' ORDER BY case_ref").First()[0]!;

        var noReason = await cli.RunAsync("sample", "replace", roundId, first, "--by", "qa-lead");
        noReason.ExitCode.Should().NotBe(0);
        noReason.Output.Should().Contain("Give the reason with --reason");
        var replace = await cli.RunAsync("sample", "replace", roundId, first, "--by", "qa-lead", "--reason", "worker is on the audit panel");
        replace.ExitCode.Should().Be(0, replace.ToString());
        replace.StdOut.Should().Contain($"Replaced {first} with reserve {reserve} at position 1");
        var hand = await cli.RunAsync("sample", "add", roundId, outside, "--by", "qa-lead", "--reason", "asked for by the board");
        hand.ExitCode.Should().Be(0, hand.ToString());
        hand.StdOut.Should().Contain($"Added {outside} by hand at position 5");

        var locked = await cli.RunAsync("sample", "lock", roundId, "--by", "qa-lead");
        locked.ExitCode.Should().Be(0, locked.ToString());
        locked.StdOut.Should().Contain($"Locked round {roundId}'s list of 5 cases");
        cli.Scalar($"SELECT COUNT(*) FROM deep_dive WHERE round_id = '{roundId}'").Should().Be(5, "the lock lets the round start its deep dives");

        var late = await cli.RunAsync("sample", "replace", roundId, reserve, "--by", "qa-lead", "--reason", "too late");
        late.ExitCode.Should().Be(1, late.ToString());
        late.Output.Should().Contain($"Round {roundId}'s list cannot be replaced: its deep dives started at");

        var report = await cli.RunAsync("sample", "report", roundId, "--format", "md");
        report.ExitCode.Should().Be(0, report.ToString());
        report.StdOut.Should().Contain($"reserve, replaces {first} (qa-lead").And.Contain("worker is on the audit panel")
            .And.Contain($"| 5 | {outside} |").And.Contain("HAND-ADDED, not drawn (qa-lead").And.Contain("## Replaced cases")
            .And.Contain("- **Locked:** by qa-lead").And.Contain("- **Population filter:** agencies csc; age bands 5-9, 10-15; open cases");
        var csv = await cli.RunAsync("sample", "report", roundId, "--format", "csv");
        csv.StdOut.Split('\n').Should().Contain(l => l.StartsWith($"sample,5,{outside},hand-added,csc,", StringComparison.Ordinal));
    }

    /// <summary>Opens the cycle's round now, as its Quartz trigger would, on the CLI's database.</summary>
    private async Task<string> OpenRoundAsync(string cycleId)
    {
        var database = Database.Open(cli.DatabaseFile);
        await using var runtime = DeepDiveRuntime.Create(database, TimeProvider.System, new RuntimeOptions { InstanceName = $"t-{Guid.NewGuid():N}" });
        await runtime.StartAsync(CancellationToken.None);
        var started = await runtime.Services.GetRequiredService<RoundStarter>()
            .StartScheduledAsync("default", cycleId, DateTime.UtcNow, CancellationToken.None);
        await runtime.WaitUntilIdleAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
        await runtime.StopAsync();
        return started!.RoundId;
    }
}
