using DeepDive.Bench;

namespace DeepDive.Bench.Tests;

/// <summary>The benchmark's plumbing on a small run: every workflow completes and every figure is filled in. No timing is asserted.</summary>
public sealed class WorkflowBenchmarkTests
{
    private static readonly BenchOptions Small = new()
    {
        Suite = BenchSuite.Persistence,
        Count = 50,
        WarmUpCount = 0,
        IncludePostgres = false,
        // The test host's thread pool is shared with other tests: leave it alone.
        MinWorkerThreads = 0,
        Timeout = TimeSpan.FromMinutes(2),
    };

    [Fact]
    public async Task Run_OnInMemoryAndSqlite_CompletesEveryWorkflowAndFillsInTheFigures()
    {
        var report = await WorkflowBenchmark.RunAsync(Small, progress: null, CancellationToken.None);

        report.Providers.Select(p => p.Provider).Should().Equal(BenchProvider.InMemory, BenchProvider.Sqlite);
        report.PostgresUnavailable.Should().BeNull("PostgreSQL was not asked for");
        report.PostgresCommits.Should().BeNull();
        report.DeepDives.Should().BeNull("only the persistence suite was asked for");
        foreach (var provider in report.Providers)
        {
            provider.Workflows.Should().Be(50);
            provider.Completed.Should().Be(50, "the store should hold every bench workflow complete and graded ({0})", provider.Name);
            provider.LatencySamples.Should().Be(50, "every workflow's grade step records its resume latency ({0})", provider.Name);
            provider.WorkflowsPerSecond.Should().BePositive();
            provider.StartSeconds.Should().BePositive();
            provider.EventSeconds.Should().BePositive();
            provider.P50Ms.Should().BePositive();
            provider.P99Ms.Should().BeGreaterThanOrEqualTo(provider.P50Ms);
            provider.MaxMs.Should().BeGreaterThanOrEqualTo(provider.P99Ms);
            provider.StoreCalls.Should().Contain(c => c.Method == "CreateNewWorkflow" && c.Calls == 50);
            provider.Collector.AllocatedKbPerWorkflow.Should().BePositive("running a workflow allocates ({0})", provider.Name);
            provider.Collector.OlderCollections.Should().BeInRange(0, provider.Collector.Collections);
            provider.Collector.PausedSeconds.Should().BeGreaterThanOrEqualTo(0);
        }

        var inMemory = report.Providers[0];
        var sqlite = report.Providers[1];
        inMemory.RatioToInMemory.Should().Be(1);
        sqlite.RatioToInMemory.Should().BeApproximately(sqlite.WorkflowsPerSecond / inMemory.WorkflowsPerSecond, 1e-9);
        report.Goals.Select(g => g.Goal).Should().HaveCount(2)
            .And.Contain(g => g.Contains("0.5x the in-memory throughput"))
            .And.Contain(g => g.Contains("p99 resume latency under 250 ms"));
    }

    [Fact]
    public async Task Run_WithTwoRounds_AlternatesTheOrder_AndReportsEachRound()
    {
        var report = await WorkflowBenchmark.RunAsync(Small with { Count = 20, Rounds = 2 }, progress: null, CancellationToken.None);

        report.RoundOrders.Should().HaveCount(2);
        report.RoundOrders[0].Should().Equal(BenchProvider.InMemory, BenchProvider.Sqlite);
        report.RoundOrders[1].Should().Equal(BenchProvider.Sqlite, BenchProvider.InMemory);
        foreach (var provider in report.Providers)
        {
            provider.Completed.Should().Be(20);
            provider.LatencySamples.Should().Be(40, "every round's workflows record their resume latency ({0})", provider.Name);
            provider.RoundWorkflowsPerSecond.Should().HaveCount(2).And.OnlyContain(rate => rate > 0);
        }
    }

    [Fact]
    public void Percentile_IsTheNearestRank()
    {
        var values = Enumerable.Range(1, 100).Select(i => TimeSpan.FromMilliseconds(i)).Reverse().ToList();

        Percentile.Of(values, 0.50).Should().Be(50);
        Percentile.Of(values, 0.99).Should().Be(99);
        Percentile.Of(values, 1.0).Should().Be(100);
        Percentile.Of([], 0.99).Should().Be(0);
    }
}
