using System.Diagnostics;
using Xunit.Abstractions;

namespace DeepDive.Cli.Tests;

/// <summary>A whole round driven through the CLI only, as a partnership's business team would drive it by hand.</summary>
public sealed class ManualRoundTests(ITestOutputHelper output) : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task A_round_runs_from_cron_to_re_audit_through_the_cli()
    {
        (await cli.RunAsync("init")).ExitCode.Should().Be(0);
        (await cli.RunAsync("import", "cases", CliRunner.Example("cases.csv"))).ExitCode.Should().Be(0);
        (await cli.RunAsync("import", "auditors", CliRunner.Example("auditors.csv"))).ExitCode.Should().Be(0);
        var cycle = cli.WriteFile("every-minute.json", """
            {
              "id": "every-minute",
              "name": "Every minute",
              "theme": "neglect",
              "priorityTags": [],
              "schedule": { "cron": "0 * * ? * *", "workingDaysOnly": false },
              "population": {},
              "sampleSize": 2,
              "reserveSize": 0,
              "auditTool": "multi-agency-deep-dive",
              "auditToolVersion": 1,
              "taskDeadlineWorkingDays": 5,
              "reAudit": { "intervalMonths": 3 }
            }
            """);
        var add = await cli.RunAsync("cycle", "add", cycle);
        add.ExitCode.Should().Be(0, add.ToString());

        // The cron fires at the top of the next minute; until then run --until-idle finds nothing due.
        var clock = Stopwatch.StartNew();
        var runs = 0;
        List<string> tasks = [];
        while (tasks.Count == 0)
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(90), $"the every-minute cycle should fire within 90 s ({runs} runs)");
            var run = await cli.RunAsync("run", "--until-idle");
            run.ExitCode.Should().Be(0, run.ToString());
            runs++;
            var list = await cli.RunAsync("task", "list");
            list.ExitCode.Should().Be(0, list.ToString());
            tasks = TaskIds(list.StdOut);
        }

        output.WriteLine($"Tasks appeared after {clock.Elapsed.TotalSeconds:0.0} s and {runs} run(s).");

        // The cycle fires every minute, so later rounds may start while we work: follow the first round only.
        var round = cli.Rows("SELECT round_id FROM audit_round ORDER BY scheduled_for_utc, started_utc LIMIT 1").Single()[0]!;
        var roundTasks = cli.Rows($"SELECT task_id FROM audit_task WHERE round_id = '{round}'").Select(r => r[0]!).ToList();
        roundTasks.Should().NotBeEmpty();
        tasks.Should().Contain(roundTasks, "task list shows every open task of the round");
        cli.Scalar($"SELECT COUNT(*) FROM deep_dive WHERE round_id = '{round}'").Should().Be(2, "the sample size is 2");

        var answers = cli.WriteFile("answers.json", Answers.Json("inadequate"));
        foreach (var task in roundTasks)
        {
            var submit = await cli.RunAsync("task", "submit", task, "--file", answers);
            submit.ExitCode.Should().Be(0, submit.ToString());
            submit.StdOut.Should().Contain($"Submitted {task}").And.Contain("grade inadequate");
        }

        var all = await cli.RunAsync("task", "list", "--all");
        all.ExitCode.Should().Be(0, all.ToString());
        foreach (var task in roundTasks)
        {
            // A task no auditor could take also has its reason printed under the table; its table row is the one with its status.
            all.StdOut.Split('\n').Where(l => l.Contains(task, StringComparison.Ordinal))
                .Should().Contain(l => l.Contains("submitted", StringComparison.Ordinal) && l.Contains("inadequate", StringComparison.Ordinal));
        }

        var open = await cli.RunAsync("task", "list");
        TaskIds(open.StdOut).Should().NotIntersectWith(roundTasks);

        cli.Scalar($"SELECT COUNT(*) FROM audit_round WHERE round_id = '{round}' AND status = 'closed' AND closed_utc IS NOT NULL").Should().Be(1);
        cli.Rows($"SELECT overall_grade FROM deep_dive WHERE round_id = '{round}'").Select(r => r[0])
            .Should().HaveCount(2).And.OnlyContain(g => g == "inadequate");
        cli.Scalar($"SELECT COUNT(*) FROM learning_brief WHERE round_id = '{round}'").Should().Be(1);
        cli.Scalar($"SELECT COUNT(*) FROM re_audit WHERE source_round_id = '{round}'").Should().Be(1, "findings that need work schedule a re-audit");
    }

    /// <summary>The first cell of each data row of task list's table.</summary>
    private static List<string> TaskIds(string stdout) =>
        stdout.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith('│'))
            .Select(l => l.Split('│', StringSplitOptions.TrimEntries)[1])
            .Where(id => id.Length > 0 && id != "Task")
            .ToList();
}
