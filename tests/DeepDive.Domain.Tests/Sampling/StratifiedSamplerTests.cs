using DeepDive.Domain.Sampling;

namespace DeepDive.Domain.Tests.Sampling;

public sealed class StratifiedSamplerTests
{
    /// <summary>A population of cases "S-C0001".. per stratum, in reference order.</summary>
    private static List<(string Ref, string Stratum)> Population(IReadOnlyDictionary<string, int> sizes) =>
        sizes.SelectMany(kv => Enumerable.Range(1, kv.Value).Select(i => ($"{kv.Key}-C{i:D4}", kv.Key)))
            .OrderBy(c => c.Item1, StringComparer.Ordinal)
            .ToList();

    private static StratifiedDraw Draw(long seed, IReadOnlyList<(string Ref, string Stratum)> population, int size, StratumAllocation allocation, int reserves = 0)
    {
        var sizes = population.GroupBy(c => c.Stratum).ToDictionary(g => g.Key, g => g.Count());
        var sampler = new StratifiedSampler(seed, sizes, size, allocation, reserves);
        foreach (var (r, s) in population)
        {
            sampler.Offer(r, s);
        }

        return sampler.Finish();
    }

    private static Dictionary<string, int> Sizes(params (string Key, int Size)[] strata) => strata.ToDictionary(s => s.Key, s => s.Size);

    [Fact]
    public void Allocate_Proportional_UsesLargestRemainder_OnAWorkedExample()
    {
        // N = 100, n = 10: quotas A 4.5, B 3.5, C 2.0. Rounding each would give 5 + 4 + 2 = 11. Largest remainder:
        // floors 4, 3, 2 = 9; one left; A and B tie on .5 and A is the larger stratum, so A gets it: 5, 3, 2.
        var allocation = StratifiedSampler.Allocate(Sizes(("A", 45), ("B", 35), ("C", 20)), 10, StratumAllocation.Proportional);
        allocation.Should().BeEquivalentTo(new Dictionary<string, int> { ["A"] = 5, ["B"] = 3, ["C"] = 2 });
    }

    [Fact]
    public void Allocate_Proportional_GivesLeftoverSeatsToLargestRemainders()
    {
        // N = 100, n = 12: quotas A 7.44, B 3.00, C 1.56; floors 7, 3, 1 = 11; C has the largest remainder: 7, 3, 2.
        var allocation = StratifiedSampler.Allocate(Sizes(("A", 62), ("B", 25), ("C", 13)), 12, StratumAllocation.Proportional);
        allocation.Should().BeEquivalentTo(new Dictionary<string, int> { ["A"] = 7, ["B"] = 3, ["C"] = 2 });
    }

    [Fact]
    public void Allocate_OverManyShapes_SumsExactlyToSampleSize_AndHonoursMinimum()
    {
        var random = new Random(1234);
        for (var trial = 0; trial < 500; trial++)
        {
            var sizes = Enumerable.Range(0, random.Next(1, 8)).ToDictionary(i => $"S{i}", _ => random.Next(1, 60));
            var population = sizes.Values.Sum();
            var minimum = random.Next(0, 4);
            var floors = sizes.Values.Sum(s => Math.Min(minimum, s));
            var n = random.Next(Math.Max(1, floors), population + 1);

            foreach (var allocation in new[] { StratumAllocation.Proportional, StratumAllocation.MinimumPerStratum(minimum) })
            {
                var result = StratifiedSampler.Allocate(sizes, n, allocation);
                result.Values.Sum().Should().Be(n);
                result.Should().AllSatisfy(kv => kv.Value.Should().BeInRange(0, sizes[kv.Key]));
                if (allocation is StratumAllocation.MinimumAllocation)
                {
                    result.Should().AllSatisfy(kv => kv.Value.Should().BeGreaterThanOrEqualTo(Math.Min(minimum, sizes[kv.Key])));
                }
            }
        }
    }

    [Fact]
    public void Allocate_MinimumPerStratum_GivesEachTheMinimumThenSharesTheRest()
    {
        // Minimum 3: A 3, B 3, C 2 (all it has) = 8; 4 left over unallocated cases A 97, B 7, C 0 (of 104):
        // quotas 3.73, 0.27, 0 -> floors 3, 0, 0; A has the largest remainder: A 7, B 3, C 2.
        var allocation = StratifiedSampler.Allocate(Sizes(("A", 100), ("B", 10), ("C", 2)), 12, StratumAllocation.MinimumPerStratum(3));
        allocation.Should().BeEquivalentTo(new Dictionary<string, int> { ["A"] = 7, ["B"] = 3, ["C"] = 2 });

        // Proportional alone would leave the small strata with 1 and 0.
        StratifiedSampler.Allocate(Sizes(("A", 100), ("B", 10), ("C", 2)), 12, StratumAllocation.Proportional)
            .Should().BeEquivalentTo(new Dictionary<string, int> { ["A"] = 11, ["B"] = 1, ["C"] = 0 });
    }

    [Fact]
    public void Draw_WhenStratumSmallerThanMinimum_TakesWholeStratum()
    {
        var population = Population(Sizes(("A", 100), ("B", 10), ("C", 2)));
        var draw = Draw(8, population, 12, StratumAllocation.MinimumPerStratum(3));

        draw.Strata.Should().Equal(
            new StratumResult("A", 100, 7, 7, false),
            new StratumResult("B", 10, 3, 3, false),
            new StratumResult("C", 2, 2, 2, true));
        draw.Draw.Selected.Should().HaveCount(12).And.Contain(["C-C0001", "C-C0002"]);
        draw.Draw.Algorithm.Should().Be("stratified-v1/minimum-3");
        draw.Draw.PopulationCount.Should().Be(112);
    }

    [Fact]
    public void Draw_WithinAStratum_PicksWhatSeededSamplerWouldPickFromThatStratumAlone()
    {
        var population = Population(Sizes(("A", 40), ("B", 60)));
        var draw = Draw(21, population, 10, StratumAllocation.Proportional, reserves: 2);

        foreach (var stratum in new[] { "A", "B" })
        {
            var alone = new SeededSampler(21, stratum == "A" ? 4 : 6, 2);
            population.Where(c => c.Stratum == stratum).ToList().ForEach(c => alone.Offer(c.Ref));
            var expected = alone.Finish();
            draw.Draw.Selected.Where(r => r.StartsWith(stratum, StringComparison.Ordinal)).Should().Equal(expected.Selected);
            draw.Draw.Reserves.Where(r => r.StartsWith(stratum, StringComparison.Ordinal)).Should().Equal(expected.Reserves);
        }
    }

    [Fact]
    public void Draw_WithSameSeed_GivesSameList_AndOtherSeedOtherList()
    {
        var population = Population(Sizes(("A", 300), ("B", 200)));
        var a = Draw(42, population, 10, StratumAllocation.Proportional, 1);
        var b = Draw(42, population, 10, StratumAllocation.Proportional, 1);
        a.Draw.Selected.Should().Equal(b.Draw.Selected);
        a.Draw.Reserves.Should().Equal(b.Draw.Reserves);
        a.Draw.PopulationHash.Should().Be(b.Draw.PopulationHash);
        Draw(43, population, 10, StratumAllocation.Proportional).Draw.Selected.Should().NotEqual(a.Draw.Selected);
    }

    [Fact]
    public void Draw_OverManySeeds_SelectsEveryCaseOfAStratumEquallyOften()
    {
        // A has 20 cases and B 30; n = 10 gives A 4 and B 6. Over 4000 seeds each A case is expected
        // 4000 * 4 / 20 = 800 times. Chi-square with 19 degrees of freedom must stay under 36.19, the 1%
        // critical value; for B (expected 800, 29 degrees of freedom) under 49.59.
        var population = Population(Sizes(("A", 20), ("B", 30)));
        var counts = population.ToDictionary(c => c.Ref, _ => 0);
        for (var seed = 0; seed < 4000; seed++)
        {
            foreach (var c in Draw(seed, population, 10, StratumAllocation.Proportional).Draw.Selected)
            {
                counts[c]++;
            }
        }

        const double expected = 800;
        double ChiSquare(string stratum) => counts.Where(kv => kv.Key.StartsWith(stratum, StringComparison.Ordinal))
            .Sum(kv => (kv.Value - expected) * (kv.Value - expected) / expected);
        ChiSquare("A").Should().BeLessThan(36.19);
        ChiSquare("B").Should().BeLessThan(49.59);
    }

    [Fact]
    public void Draw_NeverPicksExcludedCases()
    {
        var all = Population(Sizes(("A", 80), ("B", 40), ("C", 5)));
        var excluded = all.Where((_, i) => i % 3 == 0).Select(c => c.Ref).ToHashSet();
        var included = all.Where(c => !excluded.Contains(c.Ref)).ToList();
        for (var seed = 0; seed < 50; seed++)
        {
            var draw = Draw(seed, included, 15, StratumAllocation.MinimumPerStratum(4), 3);
            draw.Draw.Selected.Concat(draw.Draw.Reserves).Should().NotIntersectWith(excluded).And.OnlyHaveUniqueItems();
            draw.Draw.Selected.Should().HaveCount(15);
        }
    }

    [Fact]
    public void Offer_InAStratumNotCounted_IsRefused()
    {
        var sampler = new StratifiedSampler(1, Sizes(("A", 2)), 1, StratumAllocation.Proportional);
        sampler.Invoking(s => s.Offer("X-1", "X")).Should().Throw<InvalidOperationException>().WithMessage("*'X'*not among*");
    }

    [Fact]
    public void Finish_WhenOfferedCountsDifferFromCounted_IsRefused()
    {
        var sampler = new StratifiedSampler(1, Sizes(("A", 3)), 1, StratumAllocation.Proportional);
        sampler.Offer("A-1", "A");
        sampler.Invoking(s => s.Finish()).Should().Throw<InvalidOperationException>().WithMessage("*'A'*3*1*");
    }

    [Fact]
    public void Constructor_WithSampleLargerThanPopulation_IsRefusedWithTheNumbers()
    {
        var act = () => new StratifiedSampler(1, Sizes(("A", 4), ("B", 5)), 12, StratumAllocation.Proportional);
        act.Should().Throw<ArgumentException>().WithMessage("*sample size (12)*population (9)*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_WithSizeBelowOne_IsRefused(int size)
    {
        var act = () => new StratifiedSampler(1, Sizes(("A", 4)), size, StratumAllocation.Proportional);
        act.Should().Throw<ArgumentException>().WithMessage($"*at least 1*{size}*");
    }

    [Fact]
    public void MinimumPerStratum_BelowZero_IsRefused()
    {
        var act = () => StratumAllocation.MinimumPerStratum(-2);
        act.Should().Throw<ArgumentException>().WithMessage("*cannot be negative*-2*");
    }

    [Fact]
    public void Constructor_WhenMinimumsExceedSampleSize_IsRefusedWithTheNumbers()
    {
        var act = () => new StratifiedSampler(1, Sizes(("A", 10), ("B", 10), ("C", 10)), 5, StratumAllocation.MinimumPerStratum(2));
        act.Should().Throw<ArgumentException>().WithMessage("*minimum of 2*3 strata*6 cases*sample size of 5*");
    }
}
