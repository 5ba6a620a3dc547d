using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace DeepDive.Engine.Runtime;

/// <summary>
/// Where the engine's log goes: standard error, one line per event with the time (UTC), level, category and message,
/// through Microsoft.Extensions.Logging's console logger. Levels come from the <c>Logging</c> section of the host's
/// configuration (Information when it has none); <c>DEEPDIVE_LOG</c> (e.g.
/// <c>debug</c>, <c>warning</c>, <c>none</c>) sets the minimum level over both.
/// </summary>
public static class EngineLogging
{
    public const string Variable = "DEEPDIVE_LOG";

    public static void Configure(ILoggingBuilder builder, bool toStandardError, IConfiguration? configuration)
    {
        var overridden = Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable(Variable), ignoreCase: true, out var level);
        if (!toStandardError && !overridden)
        {
            builder.SetMinimumLevel(LogLevel.None);
            return;
        }

        builder.SetMinimumLevel(LogLevel.Information);
        // WorkflowCore's and Quartz's own chatter at Information (every poll, every trigger) drowns the engine's events.
        builder.AddFilter("WorkflowCore", LogLevel.Warning);
        builder.AddFilter("Quartz", LogLevel.Warning);
        // ASP.NET Core logs every request at Information (four lines each): the web host's own events stay, the
        // per-request lines go to Warning unless the Logging section asks for them.
        builder.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        if (configuration is not null)
        {
            builder.AddConfiguration(configuration.GetSection("Logging"));
        }
        if (overridden)
        {
            builder.SetMinimumLevel(level);
            builder.AddFilter((_, _, l) => l >= level);
        }

        builder.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss.fff'Z' ";
            o.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        builder.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
