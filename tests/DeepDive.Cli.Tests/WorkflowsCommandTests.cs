namespace DeepDive.Cli.Tests;

public sealed class WorkflowsCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task List_ShowsEveryVersionOfADefinition_WithItsFile()
    {
        var folder = FolderWithTwoDeepDiveVersions();

        var result = await cli.RunRawAsync(["workflows", "list", "--folder", folder]);

        result.ExitCode.Should().Be(0, result.ToString());
        var rows = result.StdOut.Split('\n').Where(l => l.Contains("deep-dive", StringComparison.Ordinal)).ToList();
        rows.Should().HaveCount(2);
        rows[0].Should().MatchRegex(@"│ deep-dive\s+│ 1\s+│.*│ 5\s+│ defs/deep-dive\.json\s+│");
        rows[1].Should().MatchRegex(@"│ deep-dive\s+│ 2\s+│.*│ 5\s+│ defs/deep-dive\.v2\.json\s+│");
    }

    [Fact]
    public async Task Show_WithoutVersion_PrintsTheLatestAsAnOutline()
    {
        var folder = FolderWithTwoDeepDiveVersions();

        var result = await cli.RunRawAsync(["workflows", "show", "deep-dive", "--folder", folder]);

        result.ExitCode.Should().Be(0, result.ToString());
        result.StdOut.Should().Contain("deep-dive version 2 (defs/deep-dive.v2.json)")
            .And.Contain("2. for-each tasks (parallel) \"single-agency audits\"\n   2.1 human-task task-submitted, key item \"complete the audit tool\"\n3. grade \"overall grade\"\n");
    }

    [Fact]
    public async Task Validate_FolderWithABrokenFile_PrintsFilePathAndReason_AndFails()
    {
        var folder = FolderWithTwoDeepDiveVersions();
        File.WriteAllText(Path.Combine(folder, "broken.json"), """
            { "id": "broken", "version": 1, "data": "deep-dive", "steps": [ { "step": "if", "condition": "always", "then": [] } ] }
            """);

        var result = await cli.RunRawAsync(["workflows", "validate", "--folder", folder]);

        result.ExitCode.Should().Be(1, result.ToString());
        result.StdOut.Should().Contain("defs/broken.json: $.steps[0].condition: unknown condition 'always'; known: ")
            .And.NotContain("definitions valid");
    }

    [Fact]
    public async Task Show_UnknownId_FailsNamingTheKnownOnes()
    {
        var result = await cli.RunRawAsync(["workflows", "show", "deep-sea"]);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Output.Should().Contain("There is no workflow definition 'deep-sea'; known: audit-round, deep-dive, re-audit.");
    }

    /// <summary>The shipped deep-dive definition as version 1 and a renamed-step copy as version 2, in the runner's defs/ folder.</summary>
    private string FolderWithTwoDeepDiveVersions()
    {
        var folder = Directory.CreateDirectory(Path.Combine(cli.Folder, "defs")).FullName;
        var v1 = File.ReadAllText(Path.Combine(Path.GetDirectoryName(CliRunner.Examples)!, "workflows", "deep-dive.json"));
        File.WriteAllText(Path.Combine(folder, "deep-dive.json"), v1);
        var v2 = v1.Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal)
            .Replace("{ \"step\": \"grade\" }", "{ \"step\": \"grade\", \"name\": \"overall grade\" }", StringComparison.Ordinal);
        v2.Should().Contain("\"version\": 2").And.Contain("overall grade");
        File.WriteAllText(Path.Combine(folder, "deep-dive.v2.json"), v2);
        return folder;
    }
}
