using System.Security.Cryptography;
using System.Text;
using DeepDive.Domain.Sampling;

namespace DeepDive.Domain.Tests.Sampling;

public sealed class OnePassStratifiedSamplerTests
{
    [Theory]
    [InlineData(RankVersion.Sha256V1)]
    [InlineData(RankVersion.SipHashV2)]
    public void Draw_OverManyShapes_IsTheTwoPassDraw_WithoutCountingFirst(RankVersion version)
    {
        var random = new Random(77);
        for (var trial = 0; trial < 300; trial++)
        {
            var sizes = Enumerable.Range(0, random.Next(1, 7)).ToDictionary(i => $"S{i}", _ => random.Next(1, 80));
            var population = sizes
                .SelectMany(kv => Enumerable.Range(1, kv.Value).Select(i => (Ref: $"{kv.Key}-{i:D3}", Stratum: kv.Key)))
                .OrderBy(c => c.Ref, StringComparer.Ordinal)
                .ToList();
            var minimum = random.Next(0, 3);
            var floors = sizes.Values.Sum(s => Math.Min(minimum, s));
            var n = random.Next(Math.Max(1, floors), population.Count + 1);
            var reserveSize = random.Next(0, 12);
            var seed = random.NextInt64();
            var allocation = random.Next(2) == 0 ? StratumAllocation.Proportional : StratumAllocation.MinimumPerStratum(minimum);

            var twoPass = new StratifiedSampler(seed, sizes, n, allocation, (int)Math.Ceiling(reserveSize / (double)sizes.Count), version);
            var onePass = new OnePassStratifiedSampler(seed, n, allocation, reserveSize, version);
            foreach (var (r, s) in population)
            {
                twoPass.Offer(r, s);
                onePass.Offer(r, s);
            }

            var expected = twoPass.Finish();
            var actual = onePass.Finish();
            actual.Draw.Selected.Should().Equal(expected.Draw.Selected, "trial {0}", trial);
            actual.Draw.Reserves.Should().Equal(expected.Draw.Reserves, "trial {0}", trial);
            actual.Strata.Should().Equal(expected.Strata, "trial {0}", trial);
            actual.Draw.PopulationHash.Should().Be(expected.Draw.PopulationHash);
            actual.Draw.PopulationCount.Should().Be(population.Count);
            actual.Draw.Algorithm.Should().Be(expected.Draw.Algorithm);
        }
    }

    [Fact]
    public void Draw_WhenThePopulationIsSmallerThanTheSample_TakesEveryCase()
    {
        var sampler = new OnePassStratifiedSampler(1, 150, StratumAllocation.Proportional, 10, RankVersion.SipHashV2);
        foreach (var (r, s) in new[] { ("A-1", "A"), ("A-2", "A"), ("B-1", "B") })
        {
            sampler.Offer(r, s);
        }

        var draw = sampler.Finish();
        draw.Draw.Selected.Should().BeEquivalentTo(["A-1", "A-2", "B-1"]);
        draw.Draw.Reserves.Should().BeEmpty();
        draw.Strata.Should().OnlyContain(s => s.TakenWhole);
        draw.Draw.Algorithm.Should().Be("stratified-v2/proportional");
    }

    [Fact]
    public void PopulationHash_IsSha256OfReferenceTabStratumLines()
    {
        var population = new[] { ("A-1", "agency é"), ("A-2", "agency é"), ("B-1", "b") };
        var sampler = new OnePassStratifiedSampler(1, 2, StratumAllocation.Proportional, 0, RankVersion.SipHashV2);
        foreach (var (r, s) in population)
        {
            sampler.Offer(r, s);
        }

        var lines = string.Concat(population.Select(p => $"{p.Item1}\t{p.Item2}\n"));
        sampler.Finish().Draw.PopulationHash.Should().Be(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines))));
    }

    [Fact]
    public void Finish_WithNoCases_IsRefused()
    {
        var act = () => new OnePassStratifiedSampler(1, 5, StratumAllocation.Proportional, 0, RankVersion.SipHashV2).Finish();

        act.Should().Throw<InvalidOperationException>().WithMessage("*empty population*");
    }

    [Fact]
    public void Finish_WhenMinimumsExceedTheSampleSize_IsRefusedWithTheNumbers()
    {
        var sampler = new OnePassStratifiedSampler(1, 5, StratumAllocation.MinimumPerStratum(2), 0, RankVersion.SipHashV2);
        foreach (var s in new[] { "A", "B", "C" })
        {
            sampler.Offer($"{s}-1", s);
            sampler.Offer($"{s}-2", s);
        }

        var act = () => sampler.Finish();

        act.Should().Throw<ArgumentException>().WithMessage("*minimum of 2 per stratum over 3 strata needs 6 cases*sample size of 5*");
    }
}
