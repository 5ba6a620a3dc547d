namespace DeepDive.Cli.Tests;

public sealed class TaskSubmitErrorTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task Submitting_an_unknown_task_fails_with_a_clear_message()
    {
        (await cli.RunAsync("init")).ExitCode.Should().Be(0);
        var answers = cli.WriteFile("answers.json", Answers.Json("inadequate"));

        var result = await cli.RunAsync("task", "submit", "no-such-task", "--file", answers);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("There is no task 'no-such-task'");
    }

    [Fact]
    public async Task An_answers_file_with_a_bad_grade_fails_naming_the_grade()
    {
        (await cli.RunAsync("init")).ExitCode.Should().Be(0);
        var answers = cli.WriteFile("answers.json", Answers.Json("brilliant"));

        var result = await cli.RunAsync("task", "submit", "no-such-task", "--file", answers);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("$.grade").And.Contain("'brilliant' is not a grade");
    }

    [Fact]
    public async Task An_answers_file_with_a_section_without_evidence_fails_naming_the_section()
    {
        (await cli.RunAsync("init")).ExitCode.Should().Be(0);
        var answers = cli.WriteFile("answers.json", Answers.Json("good").Replace("The child's views were not recorded at any visit.", " ", StringComparison.Ordinal));

        var result = await cli.RunAsync("task", "submit", "no-such-task", "--file", answers);

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("$.sections[0].evidence").And.Contain("Enter the evidence for section 1", "the web form and the API keep the same rules");
    }

    [Fact]
    public async Task Submitting_without_an_answers_file_fails()
    {
        var result = await cli.RunAsync("task", "submit", "some-task", "--file", Path.Combine(cli.Folder, "missing.json"));

        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Output.Should().Contain("no such file");
    }
}

internal static class Answers
{
    public static string Json(string grade) => $$"""
        {
          "grade": "{{grade}}",
          "sections": [
            { "section": "Voice of the child", "evidence": "The child's views were not recorded at any visit.", "grade": "{{grade}}" }
          ],
          "goodPractice": [],
          "areasForDevelopment": ["Record the child's voice at every visit."],
          "recommendations": ["Supervision to check the child's voice is recorded."]
        }
        """;
}
