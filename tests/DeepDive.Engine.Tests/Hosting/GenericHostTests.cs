using DeepDive.Engine.Hosting;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Status;
using DeepDive.Engine.Tasks;
using DeepDive.Engine.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using WorkflowCore.Interface;

namespace DeepDive.Engine.Tests.Hosting;

/// <summary>A Generic Host gets the whole engine with one call, and stops it cleanly; a host of stores runs nothing.</summary>
public sealed class GenericHostTests
{
    private static HostApplicationBuilder Builder(SqliteDatabase database)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new(DeepDiveSettings.ConnectionKey, database.Path)]);
        return builder;
    }

    [Fact]
    public async Task The_engine_starts_and_stops_with_its_host()
    {
        using var database = SqliteDatabase.Create();
        var builder = Builder(database);
        builder.Services.AddDeepDiveEngine(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync(CancellationToken.None);
        var engine = host.Services.GetRequiredService<EngineHost>();
        engine.Scheduler.Should().NotBeNull();
        (await engine.Scheduler!.GetStatus(CancellationToken.None)).Should().Be(SchedulerStatus.Running);
        var status = await host.Services.GetRequiredService<EngineStatusQuery>().ReadAsync([], CancellationToken.None);
        status.Database.ScriptsApplied.Should().BeGreaterThan(0, "starting the engine upgrades the schema");
        host.Services.GetRequiredService<IWorkflowRegistry>().IsRegistered("deep-dive", 1).Should().BeTrue("the embedded definitions are registered at start");

        await host.StopAsync(CancellationToken.None);
        (await engine.Scheduler.GetStatus(CancellationToken.None)).Should().Be(SchedulerStatus.Shutdown);
    }

    [Fact]
    public void A_host_of_stores_has_every_store_and_no_scheduler_or_workflow_host()
    {
        using var database = SqliteDatabase.CreateMigrated();
        var builder = Builder(database);
        builder.Services.AddDeepDiveStores(builder.Configuration);
        using var host = builder.Build();

        host.Services.GetService<TaskBoard>().Should().NotBeNull();
        host.Services.GetService<SampleList>().Should().NotBeNull();
        host.Services.GetService<EngineStatusQuery>().Should().NotBeNull();
        host.Services.GetService<ISchedulerFactory>().Should().BeNull();
        host.Services.GetService<IWorkflowHost>().Should().BeNull();
        host.Services.GetServices<IHostedService>().Should().BeEmpty();
    }
}
