using DeepDive.Domain.Cycles;
using DeepDive.Domain.Sampling;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Rounds;

[Collection(PostgresCollection.Name)]
public sealed class SampleExclusionTests(PostgresServer postgres)
{
    [Fact]
    public async Task Exclusions_AreCountedEachUnderItsFirstRule_AndAddUpToTheFilter()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await SamplingRegister.SeedAsync(sqlite.Database);

        var result = await new SampleDrawer(new RoundStore(sqlite.Database)).DrawAsync(SamplingRegister.Round(SamplingRegister.Cycle()), CancellationToken.None);

        result.Record.MatchedCount.Should().Be(80);
        result.Record.Exclusions.Should().Equal(
            new Exclusion("excluded by the rule 'Care proceedings'", 5),
            new Exclusion("closed more than 12 months ago", 5),
            new Exclusion("audited in the last 12 months", 3),
            new Exclusion(SampleDrawer.Siblings, 6));
        result.Draw.PopulationCount.Should().Be(80 - 5 - 5 - 3 - 6);
        result.Draw.Algorithm.Should().Be(SeededSampler.AlgorithmV2 + PopulationHasher.MultisetSuffix + "+" + SampleDrawer.FamilyRule);
    }

    [Theory]
    [InlineData(SampleDesign.Simple, true)]
    [InlineData(SampleDesign.Stratified, true)]
    [InlineData(SampleDesign.Simple, false)]
    [InlineData(SampleDesign.Stratified, false)]
    public async Task Census_CountedWhileStreaming_IsTheDatabasesCensus(string method, bool siblings)
    {
        // Simple and stratified draws count the exclusions in their one read of the register; the figures must be the
        // ones a separate GROUP BY over the same population gives.
        using var sqlite = SqliteDatabase.CreateMigrated();
        await SamplingRegister.SeedAsync(sqlite.Database);
        var store = new RoundStore(sqlite.Database);
        var cycle = SamplingRegister.Cycle(new SampleDesign { Method = method, StratifyBy = method == SampleDesign.Stratified ? "agency" : null });
        cycle = cycle with { Exclusions = cycle.Exclusions with { Siblings = siblings } };
        var round = SamplingRegister.Round(cycle);

        var record = (await new SampleDrawer(store).DrawAsync(round, CancellationToken.None)).Record;
        var census = await store.CensusAsync(round.PartnershipId, cycle, round.StartedUtc, countFamilies: false, CancellationToken.None);

        record.MatchedCount.Should().Be(census.Matched);
        record.Exclusions.Where(e => e.Rule != SampleDrawer.Siblings).Should().Equal(census.Excluded);
        census.Excluded.Should().OnlyContain(e => e.Count > 0, "the register has cases under every rule, so the comparison means something");
        record.PopulationCount.Should().Be(siblings ? census.Eligible - record.Exclusions.Single(e => e.Rule == SampleDrawer.Siblings).Count : census.Eligible);
        record.Algorithm.EndsWith(SampleDrawer.FamilyRule, StringComparison.Ordinal).Should().Be(siblings);
    }

    [Theory]
    [InlineData(SampleDesign.Simple)]
    [InlineData(SampleDesign.Systematic)]
    [InlineData(SampleDesign.Stratified)]
    public async Task ExcludedCases_AreNeverDrawn_AndNoFamilyHasTwoCases_OverManySeeds(string method)
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await SamplingRegister.SeedAsync(sqlite.Database);
        var drawer = new SampleDrawer(new RoundStore(sqlite.Database));
        var cycle = SamplingRegister.Cycle(new SampleDesign { Method = method, StratifyBy = method == SampleDesign.Stratified ? "agency" : null },
            sampleSize: 12, reserveSize: 6);
        var excluded = SamplingRegister.Excluded.ToHashSet();
        var drawnFromAFamily = SamplingRegister.Families.Select(_ => new HashSet<string>()).ToList();

        for (var seed = 1; seed <= 300; seed++)
        {
            var draw = (await drawer.DrawAsync(SamplingRegister.Round(cycle, seed), CancellationToken.None)).Draw;
            var listed = draw.Selected.Concat(draw.Reserves).ToList();
            listed.Should().OnlyHaveUniqueItems().And.NotIntersectWith(excluded, $"seed {seed} must not draw an excluded case");
            for (var f = 0; f < SamplingRegister.Families.Count; f++)
            {
                var family = SamplingRegister.Families[f];
                listed.Count(family.Contains).Should().BeLessThanOrEqualTo(1, $"seed {seed} may list one case of family {string.Join(", ", family)}");
                drawnFromAFamily[f].UnionWith(listed.Where(family.Contains));
            }
        }

        // Which sibling stays depends on the seed: over 300 seeds every child of a family gets its turn.
        for (var f = 0; f < SamplingRegister.Families.Count; f++)
        {
            drawnFromAFamily[f].Should().BeEquivalentTo(SamplingRegister.Families[f]);
        }
    }

    [Fact]
    public async Task Siblings_TheFamilysBestRankedCaseForTheSeedIsTheOneThatStays()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await SamplingRegister.SeedAsync(sqlite.Database);
        // A sample of the whole eligible population shows exactly which case of each family stayed.
        var cycle = SamplingRegister.Cycle(sampleSize: 61, reserveSize: 0);

        var draw = (await new SampleDrawer(new RoundStore(sqlite.Database)).DrawAsync(SamplingRegister.Round(cycle, seed: 7), CancellationToken.None)).Draw;

        foreach (var family in SamplingRegister.Families)
        {
            var best = family.OrderBy(c => CaseRank.Of(CaseRank.Latest, 7, c)).ThenBy(c => c, StringComparer.Ordinal).First();
            draw.Selected.Where(family.Contains).Should().Equal(best);
        }
    }

    [Fact]
    public async Task AuditedWithinMonths_IsConfigurable_AndZeroTurnsItOff()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await SamplingRegister.SeedAsync(sqlite.Database);
        var drawer = new SampleDrawer(new RoundStore(sqlite.Database));
        var cycle = SamplingRegister.Cycle();

        var eighteen = await drawer.DrawAsync(SamplingRegister.Round(cycle with { Exclusions = cycle.Exclusions with { AuditedWithinMonths = 18 } }), CancellationToken.None);
        var off = await drawer.DrawAsync(SamplingRegister.Round(cycle with { Exclusions = cycle.Exclusions with { AuditedWithinMonths = 0, Siblings = false } }), CancellationToken.None);

        eighteen.Record.Exclusions.Should().Contain(new Exclusion("audited in the last 18 months", 4), "C-008 was audited 15 months before the draw");
        off.Record.Exclusions.Select(e => e.Rule).Should().Equal("excluded by the rule 'Care proceedings'", "closed more than 12 months ago");
        off.Draw.PopulationCount.Should().Be(70);
    }

    [Fact]
    public async Task Filter_OnTeamSchoolAgeBandTagsAndDates_MatchesExactlyTheCasesItDescribes()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await SamplingRegister.SeedAsync(sqlite.Database);
        var store = new RoundStore(sqlite.Database);
        var noExclusions = new SampleExclusions { AuditedWithinMonths = 0, Siblings = false };
        async Task<List<string>> Eligible(PopulationFilter filter)
        {
            var cycle = SamplingRegister.Cycle() with { Population = filter, Exclusions = noExclusions };
            var found = new List<string>();
            await store.ForEachEligibleAsync("p", cycle, SamplingRegister.AsAt, null, RoundStore.ReadOrder.Reference, m => found.Add(m.CaseRef), CancellationToken.None);

            return found;
        }

        var cases = SamplingRegister.Cases();
        (await Eligible(new PopulationFilter { Teams = ["team-1"], Schools = ["SCH-2", "SCH-4"], OpenOnly = false }))
            .Should().Equal(cases.Where(c => c.Team == "team-1" && c.School is "SCH-2" or "SCH-4").Select(c => c.CaseRef));
        (await Eligible(new PopulationFilter { AgeBands = ["unborn", "10-15"], Tags = ["neglect", "exploitation"] }))
            .Should().Equal(cases.Where(c => c.ClosedOn is null && c.AgeBand is "unborn" or "10-15" && c.Tags.Count > 0).Select(c => c.CaseRef))
            .And.NotBeEmpty();
        (await Eligible(new PopulationFilter { OpenOnly = false, ClosedFrom = new DateOnly(2025, 6, 1), ClosedTo = new DateOnly(2025, 6, 1) }))
            .Should().Equal(SamplingRegister.ClosedLongAgo, "a date range includes both of its days");
        (await Eligible(new PopulationFilter { OpenedFrom = new DateOnly(2026, 1, 2) })).Should().BeEmpty("every case opened on 2026-01-01");
        (await Eligible(new PopulationFilter { OpenedTo = new DateOnly(2026, 1, 1), Tags = ["exploitation"] }))
            .Should().Equal(cases.Where(c => c.ClosedOn is null && c.Tags.Contains("exploitation")).Select(c => c.CaseRef));
    }

    [PostgresTheory]
    [InlineData(SampleDesign.Simple)]
    [InlineData(SampleDesign.Systematic)]
    [InlineData(SampleDesign.Stratified)]
    public async Task SameSnapshotAndSeed_WithEveryExclusion_GiveTheIdenticalList_OnSqliteAndPostgres(string method)
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var pg = await postgres.CreateMigratedDatabaseAsync();
        var cycle = SamplingRegister.Cycle(new SampleDesign { Method = method, StratifyBy = method == SampleDesign.Stratified ? "age-band" : null },
            sampleSize: 9, reserveSize: 4);
        var results = new List<SampleDrawer.Result>();
        foreach (var database in new[] { sqlite.Database, pg })
        {
            await SamplingRegister.SeedAsync(database);
            results.Add(await new SampleDrawer(new RoundStore(database)).DrawAsync(SamplingRegister.Round(cycle), CancellationToken.None));
        }

        results[1].Draw.Selected.Should().Equal(results[0].Draw.Selected);
        results[1].Draw.Reserves.Should().Equal(results[0].Draw.Reserves);
        results[1].Draw.PopulationHash.Should().Be(results[0].Draw.PopulationHash);
        results[1].Record.Exclusions.Should().Equal(results[0].Record.Exclusions);
        results[0].Record.Exclusions.Sum(e => e.Count).Should().Be(19);
        results[1].Draw.Selected.Should().NotIntersectWith(SamplingRegister.Excluded);
    }
}
