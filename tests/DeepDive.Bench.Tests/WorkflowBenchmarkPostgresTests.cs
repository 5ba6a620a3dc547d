using DeepDive.Bench;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Bench.Tests;

/// <summary>
/// The workflow bench with PostgreSQL on tiny sizes: the real deep dives close on each store, the order of the stores
/// alternates round by round, and the bench's databases commit durably unless asked not to. No timing is asserted.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkflowBenchmarkPostgresTests(PostgresServer postgres)
{
    private BenchOptions Tiny => new()
    {
        DeepDives = 6,
        DeepDiveWarmUp = 0,
        Auditors = 4,
        Count = 20,
        WarmUpCount = 0,
        Rounds = 2,
        // Submitted tasks wait for the engine's look for due work: look often, so the test is quick.
        PollInterval = TimeSpan.FromMilliseconds(100),
        PostgresConnectionString = postgres.ConnectionString("postgres"),
        // The test host's thread pool is shared with other tests: leave it alone.
        MinWorkerThreads = 0,
        Timeout = TimeSpan.FromMinutes(2),
    };

    [PostgresFact]
    public async Task DeepDiveSuite_OnSqliteAndPostgres_ClosesEveryDeepDive_TimesEveryTask_AndAlternatesTheOrder()
    {
        var report = await WorkflowBenchmark.RunAsync(Tiny with { Suite = BenchSuite.DeepDive }, progress: null, CancellationToken.None);

        report.Providers.Should().BeEmpty("only the deep-dive suite was asked for");
        report.PostgresUnavailable.Should().BeNull();
        report.PostgresCommits.Should().Contain("synchronous_commit=on", "the bench's PostgreSQL commits durably by default");
        var suite = report.DeepDives!;
        suite.InMemoryNote.Should().Contain("in-memory store cannot run the real deep dive");
        suite.RoundOrders.Should().HaveCount(2);
        suite.RoundOrders[0].Should().Equal(BenchProvider.Sqlite, BenchProvider.Postgres);
        suite.RoundOrders[1].Should().Equal(BenchProvider.Postgres, BenchProvider.Sqlite);
        suite.Stores.Select(s => s.Provider).Should().Equal(BenchProvider.Sqlite, BenchProvider.Postgres);
        foreach (var store in suite.Stores)
        {
            store.Closed.Should().Be(6, "every deep dive should be closed and graded in the store ({0})", store.Name);
            store.LatencySamples.Should().Be(2 * 6 * 2, "each round's two tasks per deep dive are each timed from the journal ({0})", store.Name);
            store.P50Ms.Should().BePositive();
            store.P99Ms.Should().BeGreaterThanOrEqualTo(store.P50Ms);
            store.MaxMs.Should().BeGreaterThanOrEqualTo(store.P99Ms);
            store.OpeningSeconds.Should().BePositive();
            store.SubmittingSeconds.Should().BePositive();
            store.RoundDeepDivesPerSecond.Should().HaveCount(2).And.OnlyContain(rate => rate > 0);
        }

        var sqlite = suite.Stores[0];
        var pg = suite.Stores[1];
        sqlite.RoundRatiosToSqlite.Should().Equal(1.0, 1.0);
        pg.RoundRatiosToSqlite[0].Should().BeApproximately(pg.RoundDeepDivesPerSecond[0] / sqlite.RoundDeepDivesPerSecond[0], 1e-9);
        pg.RoundRatiosToSqlite[1].Should().BeApproximately(pg.RoundDeepDivesPerSecond[1] / sqlite.RoundDeepDivesPerSecond[1], 1e-9);
    }

    [PostgresFact]
    public async Task PersistenceSuite_WithAsyncCommitAsked_CommitsWithoutWaiting_AndAlternatesTheOrder()
    {
        var report = await WorkflowBenchmark.RunAsync(Tiny with { Suite = BenchSuite.Persistence, PostgresAsyncCommit = true }, progress: null, CancellationToken.None);

        report.DeepDives.Should().BeNull();
        report.PostgresCommits.Should().Contain("synchronous_commit=off");
        report.RoundOrders.Should().HaveCount(2);
        report.RoundOrders[0].Should().Equal(BenchProvider.InMemory, BenchProvider.Sqlite, BenchProvider.Postgres);
        report.RoundOrders[1].Should().Equal(BenchProvider.Postgres, BenchProvider.Sqlite, BenchProvider.InMemory);
        report.Providers.Should().OnlyContain(p => p.Completed == 20 && p.RoundWorkflowsPerSecond.Count == 2);
    }
}
