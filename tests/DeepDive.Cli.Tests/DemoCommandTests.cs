namespace DeepDive.Cli.Tests;

public sealed class DemoCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Demo_runs_a_year_and_prints_the_summary()
    {
        var folder = Path.Combine(cli.Folder, "demo");

        var result = await cli.RunRawAsync(["demo", "--folder", folder, "--cases", "1500"], TimeSpan.FromMinutes(8));

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("The year in numbers").And.Contain("Rounds run").And.Contain("Re-audit outcomes");
        File.Exists(Path.Combine(folder, "deepdive.db")).Should().BeTrue();
    }
}
