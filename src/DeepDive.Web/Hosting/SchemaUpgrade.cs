using DeepDive.Engine.Storage;

namespace DeepDive.Web.Hosting;

/// <summary>
/// A web-only node (<c>deepdive serve --no-engine</c>) upgrades the schema as it starts, as every command does, before
/// it serves a request (with the engine, <see cref="Engine.Hosting.EngineHost"/> does it).
/// </summary>
internal sealed class SchemaUpgrade(Database database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Migrator.Upgrade(database);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
