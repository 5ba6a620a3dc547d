using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace DeepDive.Cli.Tests;

/// <summary>
/// A firing whose draw cannot be made, seen the way a manager sees it: the engine's log, 'round list', 'cycle report',
/// 'status' (text and JSON), then 'round retry' once the cycle is fixed, which opens the round once.
/// </summary>
public sealed class FailedFiringCommandTests(ITestOutputHelper output) : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    private string CycleFile(string agencies) => cli.WriteFile("every-minute.json", $$"""
        {
          "id": "every-minute",
          "name": "Every minute",
          "theme": "neglect",
          "priorityTags": [],
          "schedule": { "cron": "0 * * ? * *", "workingDaysOnly": false },
          "population": {{agencies}},
          "sampleSize": 2,
          "reserveSize": 0,
          "auditTool": "multi-agency-deep-dive",
          "auditToolVersion": 1,
          "taskDeadlineWorkingDays": 5
        }
        """);

    [Fact]
    public async Task A_failed_firing_is_logged_listed_and_reported_and_a_retry_opens_its_round_once()
    {
        (await cli.RunAsync("init")).ExitCode.Should().Be(0);
        (await cli.RunAsync("import", "cases", CliRunner.Example("cases.csv"))).ExitCode.Should().Be(0);
        var add = await cli.RunAsync("cycle", "add", CycleFile("""{ "agencies": ["no-such-agency"] }"""));
        add.ExitCode.Should().Be(0, add.ToString());

        // The cron fires at the top of the next minute; run --until-idle until that firing has been handled.
        var clock = Stopwatch.StartNew();
        var logs = "";
        while (cli.Scalar("SELECT COUNT(*) FROM failed_firing") == 0)
        {
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(100), "the every-minute cycle should fire within 100 s");
            var run = await cli.RunAsync("run", "--until-idle");
            run.ExitCode.Should().Be(0, run.ToString());
            logs += run.StdErr;
        }

        output.WriteLine(logs);
        logs.Should().Contain("info: DeepDive.Engine.Hosting.EngineHost", "the engine logs at Information to standard error by default");
        logs.Should().MatchRegex(@"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z fail: DeepDive\.Engine\.FiringFailures\.FiringGuard\[0\] The round of cycle every-minute due .* was not opened after 1 attempt\(s\)");
        cli.Scalar("SELECT COUNT(*) FROM audit_round").Should().Be(0);
        var dueUtc = DateTime.Parse(cli.Rows("SELECT scheduled_for_utc FROM failed_firing ORDER BY scheduled_for_utc LIMIT 1").Single()[0]!,
            CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var due = TimeZoneInfo.ConvertTimeFromUtc(dueUtc, TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

        var list = await cli.RunAsync("round", "list");
        list.ExitCode.Should().Be(0, list.ToString());
        list.StdOut.Should().Contain("Failed firings").And.Contain($"every-minute due {due}: FAILED").And.Contain("no-such-agency");
        var report = await cli.RunAsync("cycle", "report", "every-minute");
        report.StdOut.Should().Contain($"every-minute due {due}: FAILED").And.Contain("firing-failed");
        var status = await cli.RunAsync("status");
        status.ExitCode.Should().Be(2, "a failed firing waits for a person: " + status);
        status.StdOut.Should().Contain("needs attention").And.Contain("Failed firings").And.Contain("round(s) not opened")
            .And.Contain($"Once fixed: deepdive round retry every-minute {due} --partnership default");
        var json = await cli.RunAsync("status", "--json");
        using (var document = JsonDocument.Parse(json.StdOut))
        {
            document.RootElement.GetProperty("healthy").GetBoolean().Should().BeFalse();
            document.RootElement.GetProperty("status").GetProperty("failed_firings").GetArrayLength().Should().BeGreaterThan(0);
        }

        cli.Scalar("SELECT COUNT(*) FROM notification_outbox WHERE kind = 'failed-firing'").Should().Be(cli.Scalar("SELECT COUNT(*) FROM failed_firing"),
            "the business team is told once per failed firing");

        // Fixed: the population is corrected, the firing retried twice; then the cycle is retired so it stops firing.
        var edit = await cli.RunAsync("cycle", "edit", "every-minute", "--file", CycleFile("{}"));
        edit.ExitCode.Should().Be(0, edit.ToString());
        var retry = await cli.RunAsync("round", "retry", "every-minute", due, "--by", "QA lead");
        retry.ExitCode.Should().Be(0, retry.ToString());
        retry.StdOut.Should().Contain("opened");
        var again = await cli.RunAsync("round", "retry", "every-minute", due, "--by", "QA lead");
        again.ExitCode.Should().Be(0, again.ToString());
        again.StdOut.Should().Contain("already open");
        (await cli.RunAsync("cycle", "retire", "every-minute")).ExitCode.Should().Be(0);

        var key = cli.Rows($"SELECT firing_key FROM failed_firing WHERE status = 'opened'").Single()[0]!;
        cli.Scalar($"SELECT COUNT(*) FROM audit_round WHERE firing_key = '{key}'").Should().Be(1, "one round for the firing, however often it is retried");
        (await cli.RunAsync("round", "list")).StdOut.Should().Contain($"every-minute due {due}: opened as R");
        var unknown = await cli.RunAsync("round", "retry", "every-minute", "2020-01-01T09:00");
        unknown.ExitCode.Should().Be(1);
        unknown.StdOut.Should().Contain("no failed firing '2020-01-01T09:00'");
    }
}
