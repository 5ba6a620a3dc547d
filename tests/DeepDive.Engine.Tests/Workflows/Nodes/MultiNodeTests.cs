using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Workflows.Nodes;

[Collection(PostgresCollection.Name)]
public sealed class MultiNodeTests(PostgresServer postgres)
{
    [PostgresFact]
    public async Task ThreeProcesses_OnePostgres_RunEveryStepExactlyOnce_AndFinishTheWorkOfOneKilledMidway()
    {
        var connection = await postgres.CreateDatabaseAsync();
        var database = DeepDive.Engine.Storage.Database.Open(connection);
        var load = new DeepDiveLoad(database, 2000);
        await load.SeedAsync();

        var workers = Enumerable.Range(1, 3).Select(i => WorkerProcess.Start(connection, clustered: true, $"node{i}")).ToList();
        try
        {
            var killed = false;
            await Poller.UntilAsync(
                async () => await load.ClosedAsync() == load.DeepDives,
                TimeSpan.FromMinutes(8),
                load.DescribeAsync,
                async () =>
                {
                    await load.AnswerOpenTasksAsync();
                    if (!killed && await load.ClosedAsync() >= load.DeepDives / 3)
                    {
                        workers[0].KillHard();
                        killed = true;
                    }
                });

            killed.Should().BeTrue();
            await load.ShouldBeCompleteExactlyOnceAsync();
            (await load.CountAsync("SELECT COUNT(DISTINCT node) FROM wf_execution")).Should().BeGreaterThanOrEqualTo(2, "the nodes shared the work");
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }
}
