using System.Text.Json;

namespace DeepDive.Cli.Tests;

/// <summary><c>deepdive bench sampling</c> as a user runs it, on a tiny SQLite register: well-formed output, not timings.</summary>
public sealed class BenchSamplingCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Json_OnATinyRegister_IsOneDocument_WithTheDrawOf150_AndTheGoals()
    {
        var result = await cli.RunRawAsync(["bench", "sampling", "--cases", "5000", "--repeats", "1", "--no-postgres", "--json"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdErr.Should().Contain("SQLite: loading 5,000 cases", "progress goes to standard error");
        using var json = JsonDocument.Parse(result.StdOut);
        var root = json.RootElement;
        root.GetProperty("options").GetProperty("cases").GetInt32().Should().Be(5000);
        root.GetProperty("options").GetProperty("smallCases").GetInt32().Should().Be(500);
        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        runs.Select(r => r.GetProperty("cases").GetInt32()).Should().Equal(500, 5000);
        var full = runs[1];
        full.GetProperty("database").GetString().Should().Be("SQLite");
        full.GetProperty("drawn").GetInt32().Should().Be(150);
        full.GetProperty("eligible").GetInt32().Should().BeGreaterThan(150);
        full.GetProperty("algorithm").GetString().Should().Be("stratified-v2/proportional+population-hash-v2");
        foreach (var figure in new[] { "floorSeconds", "orderedFloorSeconds", "drawSeconds", "naiveSeconds", "drawToFloor", "naiveToDraw" })
        {
            full.GetProperty(figure).GetDouble().Should().BePositive(figure);
        }

        full.GetProperty("drawMemory").GetProperty("livePeakMb").GetDouble().Should().BePositive();
        root.GetProperty("postgres").GetString().Should().Be("not asked for");
        root.GetProperty("goals").EnumerateArray().Select(g => g.GetProperty("result").GetString()).Should().HaveCount(2).And.OnlyContain(r => r == "PASS" || r == "MISS");
    }

    [Fact]
    public async Task Table_OnATinyRegister_ShowsBothSizes_AndTheGoals()
    {
        var result = await cli.RunRawAsync(["bench", "sampling", "--cases", "2000", "--small-cases", "500", "--repeats", "1", "--no-postgres"]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().MatchRegex(@"│ SQLite\s+│\s+500 │")
            .And.MatchRegex(@"│ SQLite\s+│\s+2,000 │.*│ 150 \+ 16 │")
            .And.MatchRegex(@"(PASS|MISS) SQLite: draw within 1\.5x the floor at 2,000 cases: \d+\.\d\dx");
    }

    [Fact]
    public async Task SmallRegisterNotSmaller_IsRefused_WithTheReason()
    {
        var result = await cli.RunRawAsync(["bench", "sampling", "--cases", "2000", "--small-cases", "2000", "--no-postgres"]);

        result.ExitCode.Should().NotBe(0);
        result.Output.Should().Contain("--small-cases must be at least 0 and below --cases (2000)");
    }
}
