using Dapper;
using DeepDive.Simulation;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Simulation.Tests;

/// <summary>The demo's promise: same seed, same year, every figure the same, down to the manager's review.</summary>
public sealed class YearReproducibilityTests
{
    private static async Task<(YearSummary Summary, List<string> Changes, List<string> Grades)> RunAsync(Database database)
    {
        var summary = await new YearSimulation(database, "demo", seed: 5).RunAsync(new YearSimulation.Options(
            new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2027, 12, 31, 23, 59, 0, DateTimeKind.Utc),
            CaseCount: 1200,
            InstanceName: $"test-{Guid.NewGuid():N}"), progress: null, CancellationToken.None);
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var changes = (await connection.QueryAsync<string>(
            "SELECT round_id || ' ' || action || ' ' || COALESCE(case_ref, '') || ' ' || COALESCE(replacement_ref, '') || ' ' || changed_by || ' ' || COALESCE(reason, '') FROM sample_change ORDER BY round_id, position")).ToList();
        var grades = (await connection.QueryAsync<string>("SELECT case_ref || ' ' || overall_grade FROM deep_dive ORDER BY case_ref, round_id")).ToList();
        return (summary, changes, grades);
    }

    [Fact]
    public async Task Year_RunTwiceWithTheSameSeed_GivesEveryFigureAndTheSameReview()
    {
        using var first = SqliteDatabase.CreateMigrated();
        using var second = SqliteDatabase.CreateMigrated();

        var a = await RunAsync(first.Database);
        var b = await RunAsync(second.Database);

        b.Summary.Should().BeEquivalentTo(a.Summary, o => o.Excluding(s => s.Elapsed));
        a.Summary.Reviews.Changed.Should().Be(1, "the run must have something to compare: the manager's one replacement");
        a.Changes.Should().HaveCount(2).And.Contain(c => c.Contains(" replace ", StringComparison.Ordinal));
        b.Changes.Should().Equal(a.Changes, "the same case is replaced with the same reserve and the same reason");
        b.Grades.Should().Equal(a.Grades);
    }
}
