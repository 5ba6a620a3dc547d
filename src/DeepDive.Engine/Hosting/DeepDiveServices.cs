using DeepDive.Engine.Runtime;
using DeepDive.Engine.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Engine.Hosting;

/// <summary>
/// The composition root every host shares (the command line, the web app, a test's host). Settings come from the
/// host's <see cref="IConfiguration"/> (see <see cref="DeepDiveSettings"/>) and are checked here, before anything runs;
/// a setting that cannot be used stops the host with a <see cref="SettingsException"/> naming its key. The clock is a
/// <see cref="TimeProvider"/> registered before the call (the system clock if none).
/// </summary>
public static class DeepDiveServices
{
    /// <summary>The database, the clock and every store: for a host that reads and writes rows but runs nothing.</summary>
    public static IServiceCollection AddDeepDiveStores(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DeepDiveSettings.Read(configuration);
        return services.AddStores(Database.Open(settings.Connection), settings.Engine);
    }

    /// <summary>
    /// The stores plus the engine: WorkflowCore on our store, Quartz on its store, the jobs and the outbox dispatcher,
    /// started and stopped by <see cref="EngineHost"/>, an <see cref="Microsoft.Extensions.Hosting.IHostedService"/>.
    /// </summary>
    public static IServiceCollection AddDeepDiveEngine(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DeepDiveSettings.Read(configuration);
        return services.AddDeepDiveEngine(Database.Open(settings.Connection), RegisteredClock(services), settings.Engine);
    }

    /// <summary>The same registration from objects: for <see cref="DeepDiveRuntime"/>, the demo and the simulation.</summary>
    public static IServiceCollection AddDeepDiveEngine(this IServiceCollection services, Database database, TimeProvider clock, RuntimeOptions options)
    {
        services.AddSingleton(clock);
        return services.AddStores(database, options).AddEngine(database, clock, options);
    }

    private static TimeProvider RegisteredClock(IServiceCollection services) =>
        services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider))?.ImplementationInstance as TimeProvider ?? TimeProvider.System;
}
