using System.Globalization;
using DeepDive.Engine.Hosting;
using Microsoft.Extensions.Configuration;

namespace DeepDive.Cli.Hosting;

/// <summary>
/// The command line's settings: <c>appsettings.json</c>, the environment, then the flags that stand for settings, each
/// mapped onto its configuration key (<c>--db</c> is <c>ConnectionStrings:DeepDive</c>; for <c>run</c>,
/// <c>--clustered</c> and <c>--poll-ms</c> are <c>DeepDive:Engine:Clustered</c> and <c>DeepDive:Engine:PollInterval</c>).
/// </summary>
public static class CliConfiguration
{
    /// <summary>
    /// How often a command that runs the engine for a moment (task submit, sample lock) looks for due work: its
    /// default, under anything configured. A long-running engine keeps the engine's own default.
    /// </summary>
    public static readonly TimeSpan ShortRunPoll = TimeSpan.FromMilliseconds(200);

    public static IConfigurationRoot Build(string[] args)
    {
        var overrides = FlagsAsSettings(args);
        var configuration = DeepDiveConfiguration.Build(overrides);
        if (!IsLongRunning(args) && configuration[$"{DeepDiveSettings.EngineSection}:PollInterval"] is null)
        {
            overrides[$"{DeepDiveSettings.EngineSection}:PollInterval"] = ShortRunPoll.ToString("c", CultureInfo.InvariantCulture);
            configuration = DeepDiveConfiguration.Build(overrides);
        }

        return configuration;
    }

    /// <summary>Whether the command runs the engine until it is stopped (and so logs to standard error).</summary>
    public static bool IsLongRunning(string[] args) => args.Length > 0 && args[0] == "run";

    public static Dictionary<string, string?> FlagsAsSettings(string[] args)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < args.Length; i++)
        {
            if (Flag(args, ref i, "--db") is { } db)
            {
                settings[DeepDiveSettings.ConnectionKey] = db;
            }
            else if (IsLongRunning(args) && args[i] == "--clustered")
            {
                settings[$"{DeepDiveSettings.EngineSection}:Clustered"] = "true";
            }
            else if (IsLongRunning(args) && Flag(args, ref i, "--poll-ms") is { } poll)
            {
                // Spectre checks the flag's number; a value it refuses never reaches the engine.
                settings[$"{DeepDiveSettings.EngineSection}:PollInterval"] =
                    int.TryParse(poll, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms)
                        ? TimeSpan.FromMilliseconds(Math.Max(10, ms)).ToString("c", CultureInfo.InvariantCulture)
                        : poll;
            }
        }

        return settings;
    }

    /// <summary>The value of <paramref name="name"/> when <c>args[i]</c> is it (as <c>--name value</c> or <c>--name=value</c>).</summary>
    private static string? Flag(string[] args, ref int i, string name)
    {
        if (args[i].StartsWith(name + "=", StringComparison.Ordinal))
        {
            return args[i][(name.Length + 1)..];
        }

        if (args[i] == name && i + 1 < args.Length)
        {
            return args[++i];
        }

        return null;
    }
}
