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

    [Fact]
    public void Counting_RefusesAPopulationSmallerThanTheSample_WhenItFinishes()
    {
        var sampler = StratifiedSampler.Counting(1, 5, StratumAllocation.Proportional);
        sampler.Offer("A-1", "A");
        sampler.Offer("B-1", "B");

        sampler.Invoking(s => s.Finish()).Should().Throw<ArgumentException>().WithMessage("The sample size (5) is larger than the population (2).");
    }
}
