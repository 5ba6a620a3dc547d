using Spectre.Console.Testing;

namespace DeepDive.Cli.Tests.Tables;

/// <summary>An 80-column terminal without colour, and what a renderer wrote to it, line by line.</summary>
public static class Narrow
{
    public static TestConsole Console() => new TestConsole().Width(80);

    public static string[] Lines(TestConsole console) => console.Output.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>Asserts that no line is wider than 80 columns and that each value stands whole on one line.</summary>
    public static void ShouldShowWhole(TestConsole console, params string[] values)
    {
        var lines = Lines(console);
        lines.Should().OnlyContain(l => l.Length <= 80, console.Output);
        foreach (var value in values)
        {
            lines.Should().Contain(l => l.Contains(value, StringComparison.Ordinal), $"'{value}' should stand whole on one line of\n{console.Output}");
        }
    }
}
