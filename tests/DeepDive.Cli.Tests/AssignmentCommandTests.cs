using System.Text.Json;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Cli.Tests;

/// <summary>Declared conflicts, and why a round's tasks have no auditor, through the real deepdive process.</summary>
public sealed class AssignmentCommandTests : IDisposable
{
    private const string Cases = """
        case_ref,agency,case_type,team,worker,school,opened,closed,involved_agencies
        CSC-1,csc,child-in-need,north,W-1,,2025-01-06,,police
        CSC-2,csc,child-in-need,north,W-2,,2025-01-06,,
        """;

    // A2 is line-managed by CSC-1's worker, so nobody can do CSC-1's police audit.
    private const string Auditors = """
        auditor_id,name,agency,team,skills,monthly_capacity,manager
        A1,Priya Shah,csc,qa,,1,
        A2,Sam Okafor,police,ppu,,1,W-1
        """;

    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    private async Task SetUpAsync()
    {
        (await cli.RunAsync("init")).ExitCode.Should().Be(0);
        (await cli.RunAsync("import", "cases", cli.WriteFile("cases.csv", Cases))).ExitCode.Should().Be(0);
        var auditors = await cli.RunAsync("import", "auditors", cli.WriteFile("auditors.csv", Auditors));
        auditors.ExitCode.Should().Be(0, auditors.ToString());
    }

    [Fact]
    public async Task Declare_conflict_stores_it_lists_it_and_refuses_unknown_auditors_and_cases()
    {
        await SetUpAsync();

        var declared = await cli.RunAsync("auditor", "declare-conflict", "A1", "--case", "CSC-2", "--reason", "knows the family", "--by", "QA lead");
        declared.ExitCode.Should().Be(0, declared.ToString());
        declared.StdOut.Should().Contain("Declared: A1 has a conflict with case CSC-2 (knows the family), recorded by QA lead.");
        var team = await cli.RunAsync("auditor", "declare-conflict", "A2", "--team", "south-hub", "--reason", "managed it until 2026");
        team.ExitCode.Should().Be(0, team.ToString());
        team.StdOut.Should().Contain("Note: No case in the register has team 'south-hub' yet");

        var list = await cli.RunAsync("auditor", "conflicts");
        list.ExitCode.Should().Be(0, list.ToString());
        list.StdOut.Should().Contain("case CSC-2").And.Contain("knows the family").And.Contain("team south-hub")
            .And.Contain("A2 is managed by W-1");
        var one = await cli.RunAsync("auditor", "conflicts", "A1");
        one.StdOut.Should().Contain("case CSC-2").And.NotContain("south-hub");

        foreach (var (args, message) in new[]
        {
            (new[] { "A9", "--case", "CSC-2", "--reason", "x" }, "There is no auditor 'A9' in partnership 'default'; nothing was stored."),
            (new[] { "A1", "--case", "CSC-9", "--reason", "x" }, "There is no case 'CSC-9' in partnership 'default'; nothing was stored."),
            (new[] { "A1", "--reason", "x" }, "Give exactly one of --case <REF>, --worker <ID> or --team <TEAM>"),
            (new[] { "A1", "--case", "CSC-1", "--team", "north", "--reason", "x" }, "Give exactly one of --case <REF>, --worker <ID> or --team <TEAM>"),
            (new[] { "A1", "--worker", "W-1" }, "Give the reason for the conflict with --reason"),
        })
        {
            var refused = await cli.RunAsync(["auditor", "declare-conflict", .. args]);
            refused.ExitCode.Should().Be(1, refused.ToString());
            refused.Output.Should().Contain(message);
        }

        cli.Scalar("SELECT COUNT(*) FROM auditor_conflict").Should().Be(2);
        var unknown = await cli.RunAsync("auditor", "conflicts", "A9");
        unknown.ExitCode.Should().Be(1);
        unknown.Output.Should().Contain("There is no auditor 'A9'");
    }

    [Fact]
    public async Task A_round_says_which_tasks_have_no_auditor_and_why()
    {
        await SetUpAsync();
        (await cli.RunAsync("auditor", "declare-conflict", "A1", "--case", "CSC-2", "--reason", "knows the family")).ExitCode.Should().Be(0);
        var cycle = cli.WriteFile("cycle.json", """
            { "id": "neglect", "name": "Neglect deep dive", "theme": "neglect", "schedule": { "months": [1] }, "sampleSize": 2, "reserveSize": 0 }
            """);
        (await cli.RunAsync("cycle", "add", cycle)).ExitCode.Should().Be(0);
        var round = await StartRoundAsync("neglect");

        var show = await cli.RunAsync("round", "show", round);
        show.ExitCode.Should().Be(0, show.ToString());
        show.StdOut.Should().Contain("Cases: 2; tasks: 3 (1 with an auditor, 0 submitted)")
            .And.Contain($"Assignment: 2 task(s) have no auditor:")
            .And.Contain($"  {round}/CSC-1/police: No eligible auditor is free: of the 1 auditor(s) with the skills for it, 1 has a conflict of interest.")
            .And.Contain($"  {round}/CSC-2/csc: No eligible auditor is free");

        var unassigned = await cli.RunAsync("round", "unassigned", round);
        unassigned.ExitCode.Should().Be(0, unassigned.ToString());
        unassigned.StdOut.Should().Contain($"2 task(s) of round {round} have no auditor.")
            .And.Contain("    A2 (Sam Okafor): is line-managed by the case's worker (W-1)")
            .And.Contain("    A1 (Priya Shah): declared a conflict with case CSC-2: knows the family")
            .And.Contain("    not in csc and no 'csc' skill: A2");

        var json = await cli.RunAsync("round", "unassigned", round, "--json");
        json.ExitCode.Should().Be(0, json.ToString());
        var tasks = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("unassigned");
        tasks.GetArrayLength().Should().Be(2);
        var police = tasks.EnumerateArray().Single(t => t.GetProperty("agency").GetString() == "police");
        police.GetProperty("candidates").EnumerateArray().Select(c => (c.GetProperty("auditorId").GetString(), c.GetProperty("rule").GetString()))
            .Should().BeEquivalentTo([("A2", "conflict"), ("A1", "missing-skill")]);

        var list = await cli.RunAsync("round", "list");
        list.StdOut.Should().Contain(round);
        var taskList = await cli.RunAsync("task", "list");
        taskList.StdOut.Should().Contain("2 task(s) have no auditor:").And.Contain($"{round}/CSC-2/csc: No eligible auditor is free");

        var missing = await cli.RunAsync("round", "unassigned", "R-nope");
        missing.ExitCode.Should().Be(1);
        missing.Output.Should().Contain("There is no round 'R-nope' in partnership 'default'.");
    }

    [Fact]
    public async Task Bench_assignment_prints_its_figures_as_json()
    {
        var result = await cli.RunRawAsync(["bench", "assignment", "--repeats", "1", "--json"]);

        result.ExitCode.Should().Be(0, result.ToString());
        var root = JsonDocument.Parse(result.StdOut).RootElement;
        var scenarios = root.GetProperty("scenarios").EnumerateArray().ToList();
        scenarios.Select(s => s.GetProperty("name").GetString()).Should().Equal("typical", "tight");
        scenarios.Should().OnlyContain(s => s.GetProperty("tasks").GetInt32() == 500 && s.GetProperty("auditors").GetInt32() == 100
            && s.GetProperty("assigned").GetInt32() + s.GetProperty("unassigned").GetInt32() == 500);
        root.GetProperty("goal").GetProperty("result").GetString().Should().BeOneOf("PASS", "MISS");
    }

    /// <summary>Starts a round of the cycle now, in this process on the runner's database, and lets it run until it waits for auditors.</summary>
    private async Task<string> StartRoundAsync(string cycleId)
    {
        var database = Database.Open(cli.DatabaseFile);
        await using (var runtime = DeepDiveRuntime.Create(database, TimeProvider.System,
            new RuntimeOptions { InstanceName = $"t-{Guid.NewGuid():N}", PollInterval = TimeSpan.FromMilliseconds(50) }))
        {
            await runtime.StartAsync(CancellationToken.None);
            var started = await runtime.Services.GetRequiredService<RoundStarter>()
                .StartScheduledAsync("default", cycleId, DateTime.UtcNow, CancellationToken.None);
            await runtime.WaitUntilIdleAsync(TimeSpan.FromMinutes(1), CancellationToken.None);
            await runtime.StopAsync();
            DeepDive.Engine.Storage.SqliteDialect.ClearAllPools();
            return started!.RoundId;
        }
    }
}
