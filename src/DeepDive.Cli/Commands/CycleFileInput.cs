using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using Spectre.Console;

namespace DeepDive.Cli.Commands;

/// <summary>Reads a cycle file for add, edit and rapid, printing every problem in it with its JSON path.</summary>
internal static class CycleFileInput
{
    /// <summary>The cycle, or null and the exit code (2: no file, 1: not valid) after printing why; nothing is stored then.</summary>
    public static async Task<(CycleDefinition? Cycle, int ExitCode)> ReadAsync(string file, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]No such file:[/] {file}");
            return (null, 2);
        }

        try
        {
            return (CycleFile.Parse(await File.ReadAllTextAsync(file, cancellationToken), file), 0);
        }
        catch (CycleFileException e)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{file} is not a valid cycle[/]: nothing was stored.");
            foreach (var error in e.Errors)
            {
                AnsiConsole.MarkupLineInterpolated($"  {file}: {error}");
            }

            return (null, 1);
        }
    }

    public static string Local(DateTimeOffset at, string timeZone) =>
        $"{TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZone)):ddd d MMM yyyy HH:mm} {timeZone}";

    public static string Local(DateTime utc, string timeZone) => Local(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), timeZone);
}
