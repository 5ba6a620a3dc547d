using DeepDive.Engine.Hosting;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Workflows.Definitions;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Engine.Runtime;

/// <summary>
/// The engine outside a host, for the demo, the simulation and the tests: the same registration as every host
/// (<see cref="DeepDiveServices.AddDeepDiveEngine(IServiceCollection, Database, TimeProvider, RuntimeOptions)"/>), with
/// what running in virtual time needs: wait until idle, and the next instant anything is due.
/// </summary>
public sealed class DeepDiveRuntime : IAsyncDisposable
{
    /// <summary>How long stopping waits for running jobs and workflow steps (as a host's shutdown timeout does).</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(2);

    private readonly ServiceProvider services;
    private readonly EngineHost host;
    private readonly EngineActivity activity;

    private DeepDiveRuntime(ServiceProvider services)
    {
        this.services = services;
        host = services.GetRequiredService<EngineHost>();
        activity = services.GetRequiredService<EngineActivity>();
    }

    public IServiceProvider Services => services;

    /// <summary>
    /// Builds the engine. <paramref name="extraDefinitions"/> are loaded with the embedded workflow definitions at start
    /// (e.g. a newer version of one).
    /// </summary>
    public static DeepDiveRuntime Create(Database database, TimeProvider clock, RuntimeOptions? options = null,
        IReadOnlyList<DefinitionLoader.Source>? extraDefinitions = null)
    {
        options ??= new RuntimeOptions();
        var collection = new ServiceCollection();
        collection.AddLogging(b => EngineLogging.Configure(b, options.LogToStandardError, configuration: null));
        collection.AddDeepDiveEngine(database, clock, options);
        var provider = collection.BuildServiceProvider();
        provider.GetRequiredService<EngineDefinitions>().Add(extraDefinitions ?? []);
        return new DeepDiveRuntime(provider);
    }

    /// <summary>Upgrades the schema and loads the workflow definitions, without starting anything.</summary>
    public void Prepare() => host.Prepare();

    public Task StartAsync(CancellationToken cancellationToken) => host.StartAsync(cancellationToken);

    public async Task StopAsync()
    {
        using var limit = new CancellationTokenSource(StopTimeout);
        await host.StopAsync(limit.Token);
    }

    /// <inheritdoc cref="EngineActivity.WaitUntilIdleAsync"/>
    public Task WaitUntilIdleAsync(TimeSpan timeout, CancellationToken cancellationToken) => activity.WaitUntilIdleAsync(timeout, cancellationToken);

    /// <inheritdoc cref="EngineActivity.NextDueAsync"/>
    public Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken) => activity.NextDueAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await services.DisposeAsync();
    }
}
