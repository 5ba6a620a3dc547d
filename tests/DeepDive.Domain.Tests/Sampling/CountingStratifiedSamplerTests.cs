using System.Security.Cryptography;
using System.Text;
using DeepDive.Domain.Sampling;

namespace DeepDive.Domain.Tests.Sampling;

public sealed class CountingStratifiedSamplerTests
{
    [Fact]
    public void Counting_GivesTheSameDrawAsCountingFirst_OverManySeedsAndDesigns()
    {
        var sizes = new Dictionary<string, int> { ["A"] = 40, ["B"] = 13, ["C"] = 3, ["D"] = 1 };
        var population = sizes.SelectMany(kv => Enumerable.Range(1, kv.Value).Select(i => (Ref: $"{kv.Key}-{i:D3}", Stratum: kv.Key)))
            .OrderBy(c => c.Ref, StringComparer.Ordinal).ToList();
        foreach (var allocation in new[] { StratumAllocation.Proportional, StratumAllocation.MinimumPerStratum(2) })
        {
            for (var seed = 1L; seed <= 200; seed++)
            {
                var reserveSize = (int)(seed % 7);
                var counted = new StratifiedSampler(seed, sizes, 12, allocation, (reserveSize + sizes.Count - 1) / sizes.Count);
                var counting = StratifiedSampler.Counting(seed, 12, allocation, reserveSize);
                foreach (var (r, s) in population)
                {
                    counted.Offer(r, s);
                    counting.Offer(r, s);
                }

                counting.Finish().Should().BeEquivalentTo(counted.Finish(), o => o.WithStrictOrdering(), $"seed {seed}, {allocation.Name}");
            }
        }
    }

    [Theory]
    [InlineData(RankVersion.Sha256V1)]
    [InlineData(RankVersion.SipHashV2)]
    public void Counting_OverManyShapes_IsTheTwoPassDraw_WithEitherRankVersion(RankVersion version)
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
            var onePass = StratifiedSampler.Counting(seed, n, allocation, reserveSize, version);
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
    public void BothSamplers_WithTheVersion2Hash_InShuffledOrders_GiveTheSameDraw_OverManyShapes()
    {
        var random = new Random(91);
        for (var trial = 0; trial < 200; trial++)
        {
            var sizes = Enumerable.Range(0, random.Next(1, 7)).ToDictionary(i => $"S{i}", _ => random.Next(1, 80));
            var population = sizes
                .SelectMany(kv => Enumerable.Range(1, kv.Value).Select(i => (Ref: $"{kv.Key}-{i:D3}", Stratum: kv.Key)))
                .OrderBy(c => c.Ref, StringComparer.Ordinal)
                .ToList();
            var shuffled = population.OrderBy(_ => random.Next()).ToList();
            var minimum = random.Next(0, 3);
            var n = random.Next(Math.Max(1, sizes.Values.Sum(s => Math.Min(minimum, s))), population.Count + 1);
            var reserveSize = random.Next(0, 12);
            var seed = random.NextInt64();
            var allocation = random.Next(2) == 0 ? StratumAllocation.Proportional : StratumAllocation.MinimumPerStratum(minimum);
            var reservesPerStratum = (int)Math.Ceiling(reserveSize / (double)sizes.Count);
            StratifiedDraw Draw(StratifiedSampler sampler, IEnumerable<(string Ref, string Stratum)> cases)
            {
                foreach (var (r, s) in cases)
                {
                    sampler.Offer(r, s);
                }

                return sampler.Finish();
            }

            var expected = Draw(StratifiedSampler.Counting(seed, n, allocation, reserveSize, RankVersion.SipHashV2, PopulationHashVersion.MultisetV2), population);
            foreach (var actual in new[]
            {
                Draw(StratifiedSampler.Counting(seed, n, allocation, reserveSize, RankVersion.SipHashV2, PopulationHashVersion.MultisetV2), shuffled),
                Draw(new StratifiedSampler(seed, sizes, n, allocation, reservesPerStratum, RankVersion.SipHashV2, PopulationHashVersion.MultisetV2), shuffled),
            })
            {
                actual.Draw.Selected.Should().Equal(expected.Draw.Selected, "trial {0}", trial);
                actual.Draw.Reserves.Should().Equal(expected.Draw.Reserves, "trial {0}", trial);
                actual.Strata.Should().Equal(expected.Strata, "trial {0}", trial);
                actual.Draw.PopulationHash.Should().Be(expected.Draw.PopulationHash, "trial {0}", trial);
                actual.Draw.Algorithm.Should().Be(expected.Draw.Algorithm);
            }
        }
    }

    [Fact]
    public void Counting_WithTheVersion2Hash_RecordsItInTheAlgorithm_AndHashesReferenceTabStratumLines()
    {
        var population = new[] { ("A-1", "agency é"), ("A-2", "agency é"), ("B-1", "b") };
        var sampler = StratifiedSampler.Counting(1, 2, StratumAllocation.Proportional, 0, RankVersion.SipHashV2, PopulationHashVersion.MultisetV2);
        var lines = PopulationHasher.Create(PopulationHashVersion.MultisetV2);
        foreach (var (r, s) in population.Reverse())
        {
            sampler.Offer(r, s);
            lines.Add(r, s);
        }

        var draw = sampler.Finish().Draw;
        draw.Algorithm.Should().Be("stratified-v2/proportional+population-hash-v2");
        draw.PopulationHash.Should().Be(lines.Finish());
        var withoutStrata = PopulationHasher.Create(PopulationHashVersion.MultisetV2);
        population.ToList().ForEach(p => withoutStrata.Add(p.Item1));
        draw.PopulationHash.Should().NotBe(withoutStrata.Finish(), "a stratified draw's lines carry each case's stratum");
    }

    [Fact]
    public void Counting_WithVersion2Ranks_RecordsStratifiedV2AndRanksBySipHash()
    {
        var population = Enumerable.Range(1, 60).Select(i => $"C-{i:D3}").ToList();
        var sampler = StratifiedSampler.Counting(9, 5, StratumAllocation.Proportional, 0, RankVersion.SipHashV2);
        foreach (var r in population)
        {
            sampler.Offer(r, "A");
        }

        var draw = sampler.Finish().Draw;
        draw.Algorithm.Should().Be("stratified-v2/proportional");
        draw.Selected.Should().Equal(population.OrderBy(r => CaseRank.SipHash(9, r)).ThenBy(r => r, StringComparer.Ordinal).Take(5));
    }

    [Fact]
    public void PopulationHash_IsSha256OfReferenceTabStratumLines()
    {
        var population = new[] { ("A-1", "agency é"), ("A-2", "agency é"), ("B-1", "b") };
        var sampler = StratifiedSampler.Counting(1, 2, StratumAllocation.Proportional, 0, RankVersion.SipHashV2);
        foreach (var (r, s) in population)
        {
            sampler.Offer(r, s);
        }

        var lines = string.Concat(population.Select(p => $"{p.Item1}\t{p.Item2}\n"));
        sampler.Finish().Draw.PopulationHash.Should().Be(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines))));
    }

    [Fact]
    public void Counting_RefusesAPopulationSmallerThanTheSample_WhenItFinishes()
    {
        var sampler = StratifiedSampler.Counting(1, 5, StratumAllocation.Proportional);
        sampler.Offer("A-1", "A");
        sampler.Offer("B-1", "B");

        sampler.Invoking(s => s.Finish()).Should().Throw<ArgumentException>().WithMessage("The sample size (5) is larger than the population (2).");
    }

    [Fact]
    public void Counting_WhenMinimumsExceedTheSampleSize_IsRefusedWithTheNumbers()
    {
        var sampler = StratifiedSampler.Counting(1, 5, StratumAllocation.MinimumPerStratum(2), 0, RankVersion.SipHashV2);
        foreach (var s in new[] { "A", "B", "C" })
        {
            sampler.Offer($"{s}-1", s);
            sampler.Offer($"{s}-2", s);
        }

        var act = () => sampler.Finish();

        act.Should().Throw<ArgumentException>().WithMessage("*minimum of 2 per stratum over 3 strata needs 6 cases*sample size of 5*");
    }
}
