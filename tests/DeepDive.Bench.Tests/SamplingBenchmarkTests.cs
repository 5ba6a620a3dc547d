using DeepDive.Bench;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Bench.Tests;

/// <summary>The sampling bench's plumbing on a tiny register: the draw, the counts and every figure. No timing is asserted.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SamplingBenchmarkTests(PostgresServer postgres)
{
    private static readonly SamplingBenchOptions Tiny = new() { Cases = 2000, SmallCases = 500, Repeats = 1, IncludePostgres = false };

    [Fact]
    public async Task Run_OnATinySqliteRegister_DrawsTheSample_CountsThePopulation_AndFillsInEveryFigure()
    {
        var report = await SamplingBenchmark.RunAsync(Tiny, progress: null, CancellationToken.None);

        report.Runs.Select(r => (r.Database, r.Cases)).Should().Equal(("SQLite", 500), ("SQLite", 2000));
        var full = report.Runs[1];
        full.Drawn.Should().Be(150);
        full.Selected.Should().HaveCount(150).And.OnlyHaveUniqueItems();
        full.Reserves.Should().Be(16, "15 reserves over 4 agencies is 4 per stratum");
        full.Algorithm.Should().Be("stratified-v2/proportional+population-hash-v2");

        // The register is known: open cases of the four agencies, less those deep dived in the eight recent rounds.
        var matching = SamplingBenchRegister.Generate(2000, Tiny.RegisterSeed)
            .Where(c => c.Agency is "csc" or "police" or "health" or "early-help" && c.ClosedOn is null)
            .ToList();
        var recentlyAudited = matching.Count(c => SamplingBenchRegister.PriorRoundOf(c.Index) < SamplingBenchRegister.RecentPriorRounds);
        full.Excluded.Should().Be(recentlyAudited).And.BePositive();
        full.Eligible.Should().Be(matching.Count - recentlyAudited);
        full.PriorDeepDives.Should().Be(2000 / SamplingBenchRegister.AuditedOneIn);

        foreach (var run in report.Runs)
        {
            new[] { run.LoadSeconds, run.FloorSeconds, run.OrderedFloorSeconds, run.DrawSeconds, run.NaiveSeconds }.Should().OnlyContain(s => s > 0);
            run.DrawToFloor.Should().BePositive();
            run.NaiveToDraw.Should().BePositive();
            run.DrawMemory.LivePeakMb.Should().BeGreaterThanOrEqualTo(run.DrawMemory.LiveBaselineMb * 0.5).And.BePositive();
            run.DrawMemory.WorkingSetPeakMb.Should().BePositive();
            run.DrawMemory.AllocatedMb.Should().BePositive();
        }

        report.SameListOnEveryDatabase.Should().BeNull("only SQLite ran");
        report.Goals.Select(g => g.Goal).Should().HaveCount(2)
            .And.Contain(g => g.Contains("draw within 1.5x the floor at 2,000 cases"))
            .And.Contain(g => g.Contains("live managed heap during the draw at 2,000 cases"));
    }

    [PostgresFact]
    public async Task Run_OnSqliteAndPostgres_DrawsTheIdenticalList()
    {
        var options = Tiny with { SmallCases = 0, IncludePostgres = true, PostgresConnectionString = postgres.ConnectionString("postgres") };

        var report = await SamplingBenchmark.RunAsync(options, progress: null, CancellationToken.None);

        report.PostgresUnavailable.Should().BeNull();
        report.Runs.Select(r => r.Database).Should().Equal("SQLite", "PostgreSQL");
        report.Runs[1].Eligible.Should().Be(report.Runs[0].Eligible);
        report.Runs[1].Excluded.Should().Be(report.Runs[0].Excluded);
        report.SameListOnEveryDatabase.Should().BeTrue();
    }

    [Fact]
    public async Task Run_WithTheSmallRegisterNotSmaller_IsRefused()
    {
        var act = () => SamplingBenchmark.RunAsync(Tiny with { SmallCases = 2000 }, progress: null, CancellationToken.None);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*small register (2,000 cases) must be smaller than the full one (2,000)*");
    }

    [Fact]
    public async Task Run_WithARegisterTooSmallForTheSample_IsRefused_WithTheDrawersReason()
    {
        var act = () => SamplingBenchmark.RunAsync(Tiny with { SmallCases = 200 }, progress: null, CancellationToken.None);

        await act.Should().ThrowAsync<ArgumentException>()
            .WithMessage("SQLite: a register of 200 cases is too small for the bench's draw of 150*asks for a sample of 150, but only * cases can be drawn*");
    }
}
