using System.Text.RegularExpressions;

namespace DeepDive.Cli.Tests;

/// <summary><c>deepdive cycle next</c> past the last year of the bank holidays file: each such round is warned about, naming the file.</summary>
public sealed class BankHolidayCoverageCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    /// <summary>A cycle whose rounds open at 09:00 on the first Monday of every month.</summary>
    private async Task AddMonthlyCycleAsync()
    {
        var cycle = cli.WriteFile("monthly.json", """
            { "id": "monthly", "name": "First Monday of the month", "theme": "neglect", "schedule": { "cron": "0 0 9 ? * MON#1" }, "sampleSize": 2 }
            """);
        var add = await cli.RunAsync("cycle", "add", cycle);
        add.ExitCode.Should().Be(0, add.ToString());
    }

    [Fact]
    public async Task Cycle_next_into_2031_warns_for_each_round_past_the_bank_holidays_file_and_names_it()
    {
        await AddMonthlyCycleAsync();

        var next = await cli.RunAsync("cycle", "next", "monthly", "--count", "6", "--from", "2030-10-01");

        next.ExitCode.Should().Be(0, next.ToString());
        // Console lines wrap, so the text is read as words.
        var text = Regex.Replace(next.StdOut, @"\s+", " ");
        var warnings = Regex.Matches(text, @"Warning: The round opening (\w{3} \d{1,2} \w{3} \d{4}) 09:00 was not checked for bank holidays: (\S+) covers 2025-2030 only; add 2031's bank holidays to it")
            .ToList();
        warnings.Select(w => w.Groups[1].Value).Should().Equal(["Mon 6 Jan 2031", "Mon 3 Feb 2031", "Mon 3 Mar 2031"], next.StdOut);
        warnings.Should().OnlyContain(w => w.Groups[2].Value.EndsWith(Path.Combine("calendars", "bank-holidays-england-and-wales.json"), StringComparison.Ordinal));
        text.Should().Contain("Mon 7 Oct 2030 09:00").And.Contain("Mon 4 Nov 2030 09:00").And.Contain("Mon 2 Dec 2030 09:00");
        Regex.Matches(text, "not checked for bank holidays").Should().HaveCount(3, "the rounds of 2030 were checked");
    }

    [Fact]
    public async Task Cycle_next_within_the_bank_holidays_file_warns_about_nothing()
    {
        await AddMonthlyCycleAsync();

        var next = await cli.RunAsync("cycle", "next", "monthly", "--count", "12", "--from", "2030-01-01");

        next.ExitCode.Should().Be(0, next.ToString());
        next.StdOut.Should().Contain("Mon 2 Dec 2030").And.NotContain("Warning").And.NotContain("bank-holidays-england-and-wales.json");
    }
}
