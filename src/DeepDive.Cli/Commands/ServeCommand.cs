using System.ComponentModel;
using DeepDive.Cli.Hosting;
using DeepDive.Web;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DeepDive.Cli.Commands;

public sealed class ServeSettings : DatabaseSettings
{
    [CommandOption("--urls <URLS>")]
    [Description("Where to listen (semicolon-separated). Default: http://127.0.0.1:5080")]
    [DefaultValue(WebAppOptions.DefaultUrls)]
    public string Urls { get; init; } = WebAppOptions.DefaultUrls;

    [CommandOption("--no-engine")]
    [Description("Serve pages and the API only, beside 'deepdive run --clustered' nodes on a server database.")]
    public bool NoEngine { get; init; }
}

/// <summary>Serves the web app for auditors, managers and schools, with the engine in the same process unless --no-engine.</summary>
public sealed class ServeCommand : AsyncCommand<ServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        await ServeAsync(new WebAppOptions
        {
            Urls = settings.Urls,
            RunEngine = !settings.NoEngine,
            Settings = CliConfiguration.FlagsAsSettings(context.Arguments.ToArray()),
        }, cancellationToken);
        return 0;
    }

    /// <summary>Builds the web app, says where it listens, and serves until Ctrl+C (or a service manager's stop).</summary>
    public static async Task ServeAsync(WebAppOptions options, CancellationToken cancellationToken)
    {
        var app = WebApp.Build(options);
        await using (app)
        {
            await app.StartAsync(cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"DeepDive is serving on [blue]{string.Join(", ", app.Urls)}[/]{(options.RunEngine ? " with its engine" : " (pages and API only: no engine here)")}.");
            AnsiConsole.WriteLine("Press Ctrl+C to stop.");
            await app.WaitForShutdownAsync(cancellationToken);
        }
    }
}
