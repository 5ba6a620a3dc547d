using DeepDive.Cli.Commands;
using DeepDive.Engine.Hosting;
using DeepDive.Engine.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Cli.Hosting;

/// <summary>
/// The command line's container: the same registration as the web app (<see cref="DeepDiveServices.AddDeepDiveEngine(IServiceCollection, IConfiguration)"/>),
/// settings from appsettings.json, the environment and the flags. Building it starts nothing: a command that only reads
/// or writes rows receives stores, and only a command that runs the engine receives <see cref="EngineHost"/>.
/// </summary>
public static class CliServices
{
    public static IServiceCollection Create(string[] args)
    {
        var configuration = CliConfiguration.Build(args);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => EngineLogging.Configure(b, CliConfiguration.IsLongRunning(args), configuration));
        services.AddDeepDiveEngine(configuration);
        services.AddSingleton<FailedFiringsReader>();
        return services;
    }
}
