using DeepDive.Domain.Sampling;

namespace DeepDive.Domain.Tests.Sampling;

public sealed class SeededSamplerTests
{
    private static SampleDraw Draw(long seed, IEnumerable<string> population, int size, int reserves = 2)
    {
        var sampler = new SeededSampler(seed, size, reserves);
        foreach (var c in population)
        {
            sampler.Offer(c);
        }

        return sampler.Finish();
    }

    private static List<string> Population(int n) => Enumerable.Range(1, n).Select(i => $"C{i:D5}").ToList();

    [Fact]
    public void Draw_WithSameSeedAndPopulation_GivesSameList()
    {
        var a = Draw(42, Population(1000), 10);
        var b = Draw(42, Population(1000), 10);
        a.Selected.Should().Equal(b.Selected);
        a.Reserves.Should().Equal(b.Reserves);
        a.PopulationHash.Should().Be(b.PopulationHash);
    }

    [Fact]
    public void Draw_WithOtherSeed_GivesOtherList()
    {
        Draw(1, Population(1000), 10).Selected.Should().NotEqual(Draw(2, Population(1000), 10).Selected);
    }

    [Fact]
    public void Draw_DoesNotDependOnTheOrderCasesArriveIn()
    {
        var population = Population(500);
        var shuffled = population.OrderBy(c => c.GetHashCode()).ToList();
        Draw(7, shuffled, 8).Selected.Should().Equal(Draw(7, population, 8).Selected);
    }

    [Theory]
    [InlineData(RankVersion.Sha256V1)]
    [InlineData(RankVersion.SipHashV2)]
    public void Draw_WithTheVersion2Hash_InShuffledOrders_GivesTheSameSelectedReservesAndPopulationHash(RankVersion rankVersion)
    {
        var population = Population(3000);
        SampleDraw DrawInOrder(IEnumerable<string> cases)
        {
            var sampler = new SeededSampler(31, 15, 10, rankVersion, PopulationHashVersion.MultisetV2);
            foreach (var c in cases)
            {
                sampler.Offer(c);
            }

            return sampler.Finish();
        }

        var expected = DrawInOrder(population);
        var random = new Random(5);
        var orders = Enumerable.Range(0, 8).Select(_ => population.OrderBy(_ => random.Next()).ToList()).Append(Enumerable.Reverse(population).ToList());
        foreach (var order in orders)
        {
            var actual = DrawInOrder(order);
            actual.Selected.Should().Equal(expected.Selected);
            actual.Reserves.Should().Equal(expected.Reserves);
            actual.PopulationHash.Should().Be(expected.PopulationHash);
            actual.PopulationCount.Should().Be(3000);
        }

        expected.Selected.Should().HaveCount(15);
        expected.Reserves.Should().HaveCount(10);
        expected.Algorithm.Should().EndWith("+population-hash-v2");
    }

    [Fact]
    public void Draw_WithoutAHashVersion_KeepsVersion1_OverTheLinesInOfferOrder()
    {
        var population = Population(100);
        var sorted = Draw(4, population, 5);
        var reversed = Draw(4, Enumerable.Reverse(population), 5);

        reversed.Selected.Should().Equal(sorted.Selected);
        reversed.PopulationHash.Should().NotBe(sorted.PopulationHash, "a stored version 1 hash is checked by reading the cases in reference order");
        sorted.Algorithm.Should().Be(SeededSampler.Algorithm);
    }

    [Fact]
    public void Draw_SelectsDistinctCasesFromThePopulation_AndReservesAfterThem()
    {
        var population = Population(200);
        var draw = Draw(9, population, 12, 3);
        draw.Selected.Should().HaveCount(12).And.OnlyHaveUniqueItems();
        draw.Reserves.Should().HaveCount(3);
        draw.Selected.Concat(draw.Reserves).Should().OnlyHaveUniqueItems().And.BeSubsetOf(population);
        draw.PopulationCount.Should().Be(200);
    }

    [Fact]
    public void Draw_FromPopulationSmallerThanSample_TakesWholePopulation()
    {
        var draw = Draw(3, Population(4), 10);
        draw.Selected.Should().BeEquivalentTo(Population(4));
        draw.Reserves.Should().BeEmpty();
    }

    [Fact]
    public void Draw_OverManySeeds_SelectsEveryCaseEquallyOften()
    {
        // 20 cases, 5 drawn, 4000 draws: each case is expected 1000 times. Chi-square with 19 degrees of
        // freedom must stay under 36.19, the 1% critical value.
        var population = Population(20);
        var counts = population.ToDictionary(c => c, _ => 0);
        for (var seed = 0; seed < 4000; seed++)
        {
            foreach (var c in Draw(seed, population, 5, 0).Selected)
            {
                counts[c]++;
            }
        }

        const double expected = 4000 * 5 / 20.0;
        var chiSquare = counts.Values.Sum(o => (o - expected) * (o - expected) / expected);
        chiSquare.Should().BeLessThan(36.19);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructor_WithSizeBelowOne_IsRefused(int size)
    {
        var act = () => new SeededSampler(1, size, 0);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*at least 1*");
    }
}
