using DeepDive.Domain.Sampling;

namespace DeepDive.Domain.Tests.Sampling;

public sealed class SystematicSamplerTests
{
    private static SampleDraw Draw(long seed, IReadOnlyList<string> population, int size, int reserves = 0)
    {
        var sampler = new SystematicSampler(seed, population.Count, size, reserves);
        foreach (var c in population)
        {
            sampler.Offer(c);
        }

        return sampler.Finish();
    }

    private static List<string> Population(int n) => Enumerable.Range(1, n).Select(i => $"C{i:D5}").ToList();

    [Fact]
    public void Draw_PicksAreExactlyOneIntervalApart_FromARandomStart()
    {
        var population = Population(103);
        var sampler = new SystematicSampler(5, 103, 10, 0);
        sampler.Interval.Should().Be(10);
        sampler.Start.Should().BeInRange(0, 9);
        population.ForEach(sampler.Offer);
        var draw = sampler.Finish();

        var positions = draw.Selected.Select(c => population.IndexOf(c)).ToList();
        positions.Should().HaveCount(10);
        positions[0].Should().Be(sampler.Start);
        positions.Zip(positions.Skip(1), (a, b) => b - a).Should().AllSatisfy(d => d.Should().Be(10));
        draw.Algorithm.Should().Be("systematic-v1");
        draw.PopulationCount.Should().Be(103);
    }

    [Fact]
    public void Draw_WithTheVersion2Hash_RecordsIt_AndHashesThePopulationAsASimpleDrawDoes()
    {
        var population = Population(200);
        var systematic = new SystematicSampler(5, 200, 10, 3, PopulationHashVersion.MultisetV2);
        var simple = new SeededSampler(5, 10, 3, RankVersion.SipHashV2, PopulationHashVersion.MultisetV2);
        population.ForEach(systematic.Offer);
        Enumerable.Reverse(population).ToList().ForEach(simple.Offer);

        var draw = systematic.Finish();
        draw.Algorithm.Should().Be("systematic-v1+population-hash-v2");
        draw.PopulationHash.Should().Be(simple.Finish().PopulationHash, "the same population has the same version 2 hash whatever the method or order");
        draw.Selected.Should().Equal(Draw(5, population, 10, 3).Selected, "the hash version does not change which cases are picked");
    }

    [Fact]
    public void Draw_WithSameSeed_GivesSameList()
    {
        var a = Draw(42, Population(1000), 10, 5);
        var b = Draw(42, Population(1000), 10, 5);
        a.Selected.Should().Equal(b.Selected);
        a.Reserves.Should().Equal(b.Reserves);
        a.PopulationHash.Should().Be(b.PopulationHash);
    }

    [Fact]
    public void Draw_WithDifferentSeeds_StartsInDifferentPlaces()
    {
        var starts = Enumerable.Range(0, 50).Select(seed => SystematicSampler.StartFor(seed, 100)).ToList();
        starts.Should().AllSatisfy(s => s.Should().BeInRange(0, 99));
        // 50 draws from 100 starts: about 39 distinct are expected; fewer than 25 would mean the seed is ignored.
        starts.Distinct().Count().Should().BeGreaterThan(25);
        Draw(1, Population(1000), 10).Selected.Should().NotEqual(Draw(3, Population(1000), 10).Selected);
    }

    [Fact]
    public void Start_OverManySeeds_IsUniformOverTheInterval()
    {
        // k = 10, 2000 seeds: each start is expected 200 times. Chi-square with 9 degrees of freedom must stay
        // under 21.67, the 1% critical value.
        var counts = new int[10];
        for (var seed = 0; seed < 2000; seed++)
        {
            counts[SystematicSampler.StartFor(seed, 10)]++;
        }

        const double expected = 200;
        counts.Sum(o => (o - expected) * (o - expected) / expected).Should().BeLessThan(21.67);
    }

    [Fact]
    public void Draw_Reserves_AreTheCasesAfterEachPick_InPickOrderThenDistance()
    {
        var population = Population(100);
        var sampler = new SystematicSampler(11, 100, 10, 15);
        population.ForEach(sampler.Offer);
        var draw = sampler.Finish();

        var start = sampler.Start;
        var expected = Enumerable.Range(0, 15).Select(j => population[start + (j % 10 * 10) + (j / 10) + 1]);
        draw.Reserves.Should().Equal(expected);
        draw.Selected.Concat(draw.Reserves).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Draw_WhenIntervalIsOne_TakesWholePopulationAndHasNoReserves()
    {
        var draw = Draw(2, Population(10), 10, 5);
        draw.Selected.Should().Equal(Population(10));
        draw.Reserves.Should().BeEmpty();
    }

    [Fact]
    public void Draw_NeverPicksExcludedCases()
    {
        var all = Population(1000);
        var excluded = all.Where((_, i) => i % 7 == 0).ToHashSet();
        var included = all.Where(c => !excluded.Contains(c)).ToList();
        for (var seed = 0; seed < 50; seed++)
        {
            var draw = Draw(seed, included, 12, 6);
            draw.Selected.Concat(draw.Reserves).Should().NotIntersectWith(excluded);
            draw.PopulationCount.Should().Be(included.Count);
        }
    }

    [Fact]
    public void Offer_OutOfReferenceOrder_IsRefused()
    {
        var sampler = new SystematicSampler(1, 3, 1, 0);
        sampler.Offer("C2");
        var act = () => sampler.Offer("C1");
        act.Should().Throw<InvalidOperationException>().WithMessage("*increasing reference order*");
    }

    [Fact]
    public void Finish_WhenFewerCasesOfferedThanCounted_IsRefused()
    {
        var sampler = new SystematicSampler(1, 5, 2, 0);
        sampler.Offer("C1");
        sampler.Invoking(s => s.Finish()).Should().Throw<InvalidOperationException>().WithMessage("*5*1*");
    }

    [Fact]
    public void Constructor_WithSampleLargerThanPopulation_IsRefusedWithTheNumbers()
    {
        var act = () => new SystematicSampler(1, 10, 12, 0);
        act.Should().Throw<ArgumentException>().WithMessage("*sample size (12)*population (10)*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructor_WithSizeBelowOne_IsRefused(int size)
    {
        var act = () => new SystematicSampler(1, 10, size, 0);
        act.Should().Throw<ArgumentException>().WithMessage($"*at least 1*{size}*");
    }
}
