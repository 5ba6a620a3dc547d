using DeepDive.Domain.Cycles;
using DeepDive.Domain.Sampling;

namespace DeepDive.Engine.Rounds;

/// <summary>Draws a round's sample with its cycle's design: simple random, systematic or stratified, from the seed stored with the round.</summary>
public sealed class SampleDrawer(RoundStore rounds)
{
    public sealed record Result(SampleDraw Draw, IReadOnlyList<StratumResult> Strata)
    {
        public SamplingRecord Record { get; init; } = null!;
    }

    public const string RecentlyAudited = "audited in the last 12 months";

    public async Task<Result> DrawAsync(RoundRecord round, CancellationToken cancellationToken)
    {
        var result = await DrawOnlyAsync(round, cancellationToken);
        var design = round.Cycle.Sampling;
        var excluded = await rounds.RecentlyAuditedAsync(round.PartnershipId, round.Cycle.Population, round.StartedUtc, cancellationToken);
        return result with
        {
            Record = new SamplingRecord(design.Method, design.Method == SampleDesign.Stratified ? design.StratifyBy : null,
                result.Draw.Algorithm, result.Draw.Seed, round.StartedUtc, round.Cycle.Population, result.Draw.PopulationCount,
                result.Draw.PopulationHash, [new Exclusion(RecentlyAudited, excluded)], result.Strata),
        };
    }

    private async Task<Result> DrawOnlyAsync(RoundRecord round, CancellationToken cancellationToken)
    {
        var cycle = round.Cycle;
        var design = cycle.Sampling;
        var stratifyBy = design.Method == SampleDesign.Stratified ? design.StratifyBy : null;
        var sizes = await rounds.StratumSizesAsync(round.PartnershipId, cycle.Population, round.StartedUtc, stratifyBy, cancellationToken);
        var population = sizes.Values.Sum();
        if (population == 0)
        {
            // An empty population draws nothing; the round says so rather than failing.
            return new Result(new SeededSampler(round.Seed, cycle.SampleSize, cycle.ReserveSize).Finish(), []);
        }

        var members = rounds.PopulationAsync(round.PartnershipId, cycle.Population, round.StartedUtc, stratifyBy, cancellationToken);
        var sampleSize = Math.Min(cycle.SampleSize, population);
        switch (design.Method)
        {
            case SampleDesign.Systematic:
            {
                var sampler = new SystematicSampler(round.Seed, population, sampleSize, cycle.ReserveSize);
                await foreach (var m in members)
                {
                    sampler.Offer(m.CaseRef);
                }

                return new Result(sampler.Finish(), []);
            }

            case SampleDesign.Stratified:
            {
                var allocation = design.Allocation == "minimum" ? StratumAllocation.MinimumPerStratum(design.Minimum) : StratumAllocation.Proportional;
                var reservesPerStratum = sizes.Count == 0 ? 0 : (int)Math.Ceiling(cycle.ReserveSize / (double)sizes.Count);
                var sampler = new StratifiedSampler(round.Seed, sizes, sampleSize, allocation, reservesPerStratum);
                await foreach (var m in members)
                {
                    sampler.Offer(m.CaseRef, m.Stratum);
                }

                var draw = sampler.Finish();
                return new Result(draw.Draw, draw.Strata);
            }

            default:
            {
                var sampler = new SeededSampler(round.Seed, sampleSize, cycle.ReserveSize);
                await foreach (var m in members)
                {
                    sampler.Offer(m.CaseRef);
                }

                return new Result(sampler.Finish(), []);
            }
        }
    }
}
