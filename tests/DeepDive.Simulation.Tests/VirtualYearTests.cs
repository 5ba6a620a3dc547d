using Dapper;
using DeepDive.Simulation;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Simulation.Tests;

/// <summary>
/// Virtual time is not tied to the machine's date: a year long past and one five years ahead of the real clock run the
/// demo programme's rounds exactly as the demo's own year does, each on its scheduled day.
/// </summary>
public sealed class VirtualYearTests
{
    private const int ReferenceYear = 2027;

    [Fact]
    public async Task APastYear_AndAYearFiveYearsAhead_RunTheSameRoundsPerCycle_AsTheReferenceYear()
    {
        var ahead = TimeProvider.System.GetUtcNow().Year + 5;
        // Three engines on three databases at once: each mostly waits for its own virtual clock.
        var years = await Task.WhenAll(ScheduledRoundsPerCycleAsync(ReferenceYear), ScheduledRoundsPerCycleAsync(2024), ScheduledRoundsPerCycleAsync(ahead));
        var reference = years[0];
        // The demo programme's cycles fire on the first Monday (or Tuesday) of their months: one round a month listed.
        reference.Should().Equal(DemoProgramme.Cycles().ToDictionary(c => c.Id, c => c.Schedule.Months!.Count));

        years[1].Should().Equal(reference, "2024 is before the machine's date");
        years[2].Should().Equal(reference, $"{ahead} is five years after the machine's date");
    }

    private static async Task<Dictionary<string, int>> ScheduledRoundsPerCycleAsync(int year)
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await new YearSimulation(sqlite.Database, "demo", seed: 3).RunAsync(new YearSimulation.Options(
            new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(year, 12, 31, 23, 59, 0, DateTimeKind.Utc),
            CaseCount: 600,
            InstanceName: $"test-{Guid.NewGuid():N}"), progress: null, CancellationToken.None);

        await using var connection = await sqlite.Database.OpenAsync(CancellationToken.None);
        var rounds = (await connection.QueryAsync<(string CycleId, DateTime ScheduledForUtc, DateTime StartedUtc, long Late)>(
            "SELECT cycle_id, scheduled_for_utc, started_utc, late FROM audit_round WHERE kind = 'scheduled'")).ToList();
        rounds.Should().NotBeEmpty($"the demo programme opens rounds in {year}");
        rounds.Should().OnlyContain(r => r.ScheduledForUtc.Year == year, $"every round of {year} is due in {year}");
        rounds.Should().OnlyContain(r => r.StartedUtc == r.ScheduledForUtc && r.Late == 0, $"each round of {year} opens when it is due, never as a late firing");
        return rounds.GroupBy(r => r.CycleId).ToDictionary(g => g.Key, g => g.Count());
    }
}
