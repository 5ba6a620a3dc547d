using DeepDive.Domain.Cases;
using DeepDive.Domain.Cycles;
using DeepDive.Domain.Sampling;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Rounds;

[Collection(PostgresCollection.Name)]
public sealed class SampleDrawerTests(PostgresServer postgres)
{
    private static readonly DateTime AsAt = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Stratified_WithMinimumPerStratum_TakesASmallStratumWhole_AndGivesEveryOtherItsMinimum()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await SeedAsync(sqlite.Database);

        var result = await new SampleDrawer(new RoundStore(sqlite.Database)).DrawAsync(Round(new SampleDesign
        {
            Method = SampleDesign.Stratified, StratifyBy = "agency", Allocation = "minimum", Minimum = 5,
        }, sampleSize: 15), CancellationToken.None);

        result.Draw.Selected.Should().HaveCount(15).And.OnlyHaveUniqueItems();
        result.Strata.Should().HaveCount(3);
        result.Strata.Single(s => s.Key == "health").Should().Match<Domain.Sampling.StratumResult>(s => s.Size == 4 && s.Drawn == 4 && s.TakenWhole);
        result.Strata.Where(s => s.Key != "health").Should().OnlyContain(s => s.Drawn >= 5);
        result.Strata.Sum(s => s.Drawn).Should().Be(15);
        result.Draw.Selected.Count(c => c.StartsWith("HEALTH", StringComparison.Ordinal)).Should().Be(4);
    }

    [Fact]
    public async Task Systematic_PicksCasesAFixedIntervalApart_InReferenceOrder()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var population = await SeedAsync(sqlite.Database);

        var result = await new SampleDrawer(new RoundStore(sqlite.Database)).DrawAsync(
            Round(new SampleDesign { Method = SampleDesign.Systematic }, sampleSize: 6), CancellationToken.None);

        var ordered = population.Select(c => c.CaseRef).Order(StringComparer.Ordinal).ToList();
        var positions = result.Draw.Selected.Select(c => ordered.IndexOf(c)).ToList();
        positions.Zip(positions.Skip(1), (a, b) => b - a).Should().OnlyContain(gap => gap == 54 / 6);
        result.Draw.Algorithm.Should().Be("systematic-v1+population-hash-v2");
    }

    [PostgresTheory]
    [InlineData(SampleDesign.Simple)]
    [InlineData(SampleDesign.Systematic)]
    [InlineData(SampleDesign.Stratified)]
    public async Task SameSnapshotAndSeed_GiveTheIdenticalList_OnSqliteAndPostgres(string method)
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var pg = await postgres.CreateMigratedDatabaseAsync();
        var design = new SampleDesign { Method = method, StratifyBy = method == SampleDesign.Stratified ? "team" : null };
        var results = new List<SampleDrawer.Result>();
        foreach (var database in new[] { sqlite.Database, pg })
        {
            await SeedAsync(database);
            results.Add(await new SampleDrawer(new RoundStore(database)).DrawAsync(Round(design, sampleSize: 9), CancellationToken.None));
        }

        results[1].Draw.Selected.Should().Equal(results[0].Draw.Selected);
        results[1].Draw.Reserves.Should().Equal(results[0].Draw.Reserves);
        results[1].Draw.PopulationHash.Should().Be(results[0].Draw.PopulationHash);
    }

    [Theory]
    [InlineData(SampleDesign.Simple)]
    [InlineData(SampleDesign.Stratified)]
    public async Task Draw_ReadInNoOrder_IsTheDrawOfThePopulationInReferenceOrder_HoweverTheRegisterWasLoaded(string method)
    {
        var design = new SampleDesign { Method = method, StratifyBy = method == SampleDesign.Stratified ? "team" : null };
        var round = Round(design, sampleSize: 9);
        var readOrders = new List<List<string>>();
        var draws = new List<SampleDrawer.Result>();
        List<CaseRecord> population = [];
        foreach (var reversed in new[] { false, true })
        {
            using var sqlite = SqliteDatabase.CreateMigrated();
            population = await SeedAsync(sqlite.Database, reversed);
            var store = new RoundStore(sqlite.Database);
            var read = new List<string>();
            await store.ForEachMatchedAsync("p", round.Cycle, AsAt, design.StratifyBy, RoundStore.ReadOrder.None, m => read.Add(m.CaseRef), CancellationToken.None);

            readOrders.Add(read);
            draws.Add(await new SampleDrawer(store).DrawAsync(round, CancellationToken.None));
        }

        readOrders[1].Should().BeEquivalentTo(readOrders[0]).And.NotEqual(readOrders[0], "the registers, loaded in opposite orders, must be read back in different orders for the comparison to mean anything");

        // What the domain samplers draw from the same cases offered in reference order.
        var sorted = population.OrderBy(c => c.CaseRef, StringComparer.Ordinal).ToList();
        SampleDraw expected;
        if (method == SampleDesign.Stratified)
        {
            var sampler = StratifiedSampler.Counting(round.Seed, 9, StratumAllocation.Proportional, 3, CaseRank.Latest, PopulationHasher.Latest);
            sorted.ForEach(c => sampler.Offer(c.CaseRef, c.Team));
            expected = sampler.Finish().Draw;
        }
        else
        {
            var sampler = new SeededSampler(round.Seed, 9, 3, CaseRank.Latest, PopulationHasher.Latest);
            sorted.ForEach(c => sampler.Offer(c.CaseRef));
            expected = sampler.Finish();
        }

        foreach (var drawn in draws)
        {
            drawn.Draw.Selected.Should().Equal(expected.Selected);
            drawn.Draw.Reserves.Should().Equal(expected.Reserves);
            drawn.Draw.PopulationHash.Should().Be(expected.PopulationHash);
            drawn.Draw.Algorithm.Should().Be(expected.Algorithm).And.EndWith(PopulationHasher.MultisetSuffix);
        }
    }

    [Fact]
    public void CycleFile_StratifiedWithoutWhatToStratifyBy_IsRefused_WithThePath()
    {
        const string json = """
            { "id": "x", "name": "X", "theme": "neglect", "schedule": { "months": [3] }, "sampleSize": 5,
              "sampling": { "method": "stratified" } }
            """;
        var act = () => CycleFile.Parse(json, "x.json");
        act.Should().Throw<CycleFileException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Be(new CycleFileError("$.sampling", "a stratified sample needs 'stratifyBy': agency, case-type, team, school or age-band"));
    }

    private static RoundRecord Round(SampleDesign design, int sampleSize) => new("p", "R1", "c1", "scheduled", AsAt, AsAt, Seed: 20270301,
        new CycleDefinition
        {
            Id = "c1", Name = "Neglect", Theme = "neglect", Schedule = new CycleSchedule { Months = [3] },
            SampleSize = sampleSize, ReserveSize = 3, Sampling = design,
        }, null);

    /// <summary>54 open cases: 30 children's social care, 20 police, 4 health, in mixed teams; mixed case in the references on purpose.</summary>
    private static async Task<List<CaseRecord>> SeedAsync(Database database, bool reversed = false)
    {
        var clock = TimeProvider.System;
        await new PartnershipStore(database, clock).EnsureAsync("p", "p", CancellationToken.None);
        var cases = new List<CaseRecord>();
        void Add(string agency, int count)
        {
            for (var i = 1; i <= count; i++)
            {
                var reference = $"{agency.ToUpperInvariant()}-{(i % 2 == 0 ? "a" : "B")}{i:D3}";
                cases.Add(new CaseRecord(reference, agency, "child-in-need", $"{agency}-team-{i % 3}", $"W{i}", null,
                    AsAt.AddYears(-1), null, []));
            }
        }

        Add("csc", 30);
        Add("police", 20);
        Add("health", 4);
        var inserted = reversed ? Enumerable.Reverse(cases).ToList() : cases;
        await database.InTransactionAsync((c, t) => new CaseStore(database, clock).UpsertAsync("p", inserted, c, t, CancellationToken.None), CancellationToken.None);
        return cases;
    }
}
