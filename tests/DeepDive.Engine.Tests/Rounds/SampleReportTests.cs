using System.Text.Json;
using Dapper;
using DeepDive.Domain.Auditors;
using DeepDive.Domain.Cases;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Engine.Tests.Rounds;

public sealed class SampleReportTests
{
    [Fact]
    public async Task Report_OfADrawnRound_ShowsSnapshotExclusionsMethodSeedAndLists()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var database = sqlite.Database;
        var clock = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        var now = clock.GetUtcNow().UtcDateTime;
        await new PartnershipStore(database, clock).EnsureAsync("p", "p", CancellationToken.None);
        var cases = Enumerable.Range(1, 40).Select(i => new CaseRecord($"CSC-{i:D4}", i % 4 == 0 ? "police" : "csc", "child-in-need",
            $"team-{i % 3}", $"W{i}", null, now.AddYears(-1), null, [])).ToList();
        var auditors = Enumerable.Range(1, 6).Select(i => new Auditor($"A{i}", $"Auditor {i}", i % 2 == 0 ? "police" : "csc", $"qa-{i}", [], 10)).ToList();
        await database.InTransactionAsync(async (c, t) =>
        {
            await new CaseStore(database, clock).UpsertAsync("p", cases, c, t, CancellationToken.None);
            await new AuditorStore(database, clock).UpsertAsync("p", auditors, c, t, CancellationToken.None);
            // CSC-0001 was audited two months ago, so it is excluded from this draw.
            await c.ExecuteAsync("""
                INSERT INTO audit_round (partnership_id, round_id, cycle_id, kind, firing_key, scheduled_for_utc, started_utc, status, seed, cycle_json)
                VALUES ('p', 'R0', 'old', 'scheduled', 'old', @Then, @Then, 'closed', 1, '{}');
                INSERT INTO deep_dive (partnership_id, deep_dive_id, round_id, case_ref, status, needs_work, opened_utc)
                VALUES ('p', 'R0/CSC-0001', 'R0', 'CSC-0001', 'closed', 0, @Then);
                """, new { Then = now.AddMonths(-2) }, t);
        }, CancellationToken.None);
        var cycle = new CycleDefinition
        {
            Id = "neglect", Name = "Neglect deep dive", Theme = "neglect", Schedule = new CycleSchedule { Months = [3] }, SampleSize = 6, ReserveSize = 2,
            Sampling = new SampleDesign { Method = SampleDesign.Stratified, StratifyBy = "agency", Allocation = "minimum", Minimum = 2 },
        };
        await new CycleStore(database, clock).AddOrUpdateAsync("p", cycle, CancellationToken.None);

        await using var runtime = DeepDiveRuntime.Create(database, clock, new RuntimeOptions { InstanceName = $"t-{Guid.NewGuid():N}", PollInterval = TimeSpan.FromMilliseconds(50) });
        await runtime.StartAsync(CancellationToken.None);
        var started = await runtime.Services.GetRequiredService<RoundStarter>().StartScheduledAsync("p", "neglect", now, CancellationToken.None);
        await runtime.WaitUntilIdleAsync(TimeSpan.FromMinutes(1), CancellationToken.None);

        var model = await new SampleReport(database).LoadAsync("p", started!.RoundId, CancellationToken.None);

        model.Sampling.Should().NotBeNull();
        model.Sampling!.PopulationCount.Should().Be(39);
        model.Sampling.MatchedCount.Should().Be(40);
        model.Sampling.Exclusions.Should().Equal(new Exclusion(SampleDrawer.RecentlyAudited, 1), new Exclusion(SampleDrawer.Siblings, 0));
        model.Sampling.Method.Should().Be("stratified");
        model.Sampling.Strata.Select(s => s.Key).Should().Equal("csc", "police");
        model.Cases.Where(c => c.List == "sample").Should().HaveCount(6).And.NotContain(c => c.CaseRef == "CSC-0001");
        model.Cases.Count(c => c.List == "sample" && c.Agency == "police").Should().BeGreaterThanOrEqualTo(2);
        model.Cases.Where(c => c.List == "reserve").Should().NotBeEmpty();

        var markdown = SampleReport.Render(model, "md");
        markdown.Should().Contain("39 cases eligible, order-independent hash of their references and strata (population hash version 2) " + model.Sampling.PopulationHash)
            .And.Contain("1 case audited in the last 12 months").And.Contain("seed " + model.Sampling.Seed).And.Contain("## Reserve list, in order");
        SampleReport.Render(model, "csv").Split('\n')[0].Should().Be("list,position,case_ref,origin,agency,case_type,team,note");
        JsonDocument.Parse(SampleReport.Render(model, "json")).RootElement.GetProperty("sampling").GetProperty("populationCount").GetInt32().Should().Be(39);
        SampleReport.Render(model, "html").Should().StartWith("<!doctype html>").And.Contain("<td>CSC-");
    }

    [Fact]
    public void Report_OfARoundDrawnBeforeVersion2OfTheHash_SaysItsHashIsTheOrderedSha256()
    {
        // Stored before the order-independent hash: its algorithm names no hash version, so the report must not
        // describe its hash as the new one, or a committee would check it the wrong way.
        var record = new SamplingRecord(SampleDesign.Simple, null, "siphash-rank-v2", 7, new DateTime(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc),
            new PopulationFilter(), 120, new string('a', 64), [], []);
        var model = new SampleReport.Model("R1", "c1", "Neglect", "scheduled", record.AsAtUtc, "locked", record, []);

        SampleReport.Render(model, "md").Should().Contain("120 cases eligible, SHA-256 of their references in reference order (population hash version 1) " + record.PopulationHash);
        var stratified = model with { Sampling = record with { Method = SampleDesign.Stratified, StratifyBy = "agency", Algorithm = "stratified-v2/proportional+population-hash-v2" } };
        SampleReport.Render(stratified, "md").Should().Contain("120 cases eligible, order-independent hash of their references and strata (population hash version 2) ");
    }

    [Fact]
    public async Task Report_ForAnUnknownRound_SaysSo()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var act = () => new SampleReport(sqlite.Database).LoadAsync("p", "R-nope", CancellationToken.None);
        await act.Should().ThrowAsync<ArgumentException>().WithMessage("There is no round 'R-nope' in partnership 'p'.");
    }
}
