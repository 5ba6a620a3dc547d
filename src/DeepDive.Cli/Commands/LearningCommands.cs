using System.ComponentModel;
using DeepDive.Engine.Learning;
using DeepDive.Engine.Storage;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public class LearningOutputSettings : DatabaseSettings
{
    [CommandOption("--out <FILE>")]
    [Description("Write the Markdown to this file instead of the terminal.")]
    public string? Out { get; init; }

    /// <summary>Writes what <paramref name="render"/> makes to the terminal or --out, and returns 0.</summary>
    public async Task<int> WriteAsync(Database database, Func<Task<string>> render)
    {
        Migrator.Upgrade(database);
        var markdown = await render();
        if (Out is null)
        {
            // Plain output, not markup: Markdown is meant to be read, redirected or piped.
            Console.Out.Write(markdown);
            return 0;
        }

        var path = Path.GetFullPath(Out);
        await File.WriteAllTextAsync(path, markdown);
        Console.Out.WriteLine($"Wrote {path}");
        return 0;
    }
}

public sealed class BriefListSettings : LearningOutputSettings;

/// <summary>Every learning brief: its round, cycle, the day it was written and its title.</summary>
public sealed class BriefListCommand(Database database, LearningStore store) : AsyncCommand<BriefListSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, BriefListSettings settings, CancellationToken cancellationToken) =>
        settings.WriteAsync(database, async () => LearningMarkdown.BriefList(await store.BriefsAsync(settings.Partnership, cancellationToken)));
}

public sealed class BriefShowSettings : LearningOutputSettings
{
    [CommandArgument(0, "<ROUND>")]
    [Description("The round id, as brief list shows it.")]
    public string Round { get; init; } = "";
}

/// <summary>A round's learning brief ("7-minute briefing") as Markdown.</summary>
public sealed class BriefShowCommand(Database database, LearningStore store) : AsyncCommand<BriefShowSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, BriefShowSettings settings, CancellationToken cancellationToken) =>
        settings.WriteAsync(database, async () => LearningMarkdown.Papers([await store.BriefAsync(settings.Partnership, settings.Round, cancellationToken)]));
}

public sealed class FeedbackListSettings : LearningOutputSettings
{
    [CommandArgument(0, "[ROUND]")]
    [Description("Only this round's feedback.")]
    public string? Round { get; init; }
}

/// <summary>The schools' feedback written by education audits: round, cycle, the day it was written, school.</summary>
public sealed class FeedbackListCommand(Database database, LearningStore store) : AsyncCommand<FeedbackListSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, FeedbackListSettings settings, CancellationToken cancellationToken) =>
        settings.WriteAsync(database, async () => LearningMarkdown.FeedbackList(await store.FeedbackAsync(settings.Partnership, settings.Round, cancellationToken), settings.Round));
}

public sealed class FeedbackShowSettings : LearningOutputSettings
{
    [CommandArgument(0, "<ROUND>")]
    [Description("The round id, as feedback list shows it.")]
    public string Round { get; init; } = "";

    [CommandArgument(1, "[SCHOOL]")]
    [Description("One school (its name as feedback list shows it, or the start of it); every school of the round when left out.")]
    public string? School { get; init; }
}

/// <summary>One school's feedback from an education audit, or every school's of that round, as Markdown.</summary>
public sealed class FeedbackShowCommand(Database database, LearningStore store) : AsyncCommand<FeedbackShowSettings>
{
    public override Task<int> ExecuteAsync(CommandContext context, FeedbackShowSettings settings, CancellationToken cancellationToken) =>
        settings.WriteAsync(database, async () => LearningMarkdown.Papers(await store.FeedbackAsync(settings.Partnership, settings.Round, settings.School, cancellationToken)));
}
