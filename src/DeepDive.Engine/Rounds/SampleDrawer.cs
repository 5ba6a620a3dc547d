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
        var members = rounds.PopulationAsync(round.PartnershipId, cycle.Population, round.StartedUtc, stratifyBy, cancellationToken);
        switch (design.Method)
        {
            case SampleDesign.Systematic:
            {
                // Only a systematic draw needs the population's size before it starts (for its interval).
                var sizes = await rounds.StratumSizesAsync(round.PartnershipId, cycle.Population, round.StartedUtc, null, cancellationToken);
                var population = sizes.Values.Sum();
                if (population == 0)
                {
                    return Empty(round);
                }

                var sampler = new SystematicSampler(round.Seed, population, Math.Min(cycle.SampleSize, population), cycle.ReserveSize);
                await foreach (var m in members)
                {
                    sampler.Offer(m.CaseRef);
                }

                return new Result(sampler.Finish(), []);
            }

            case SampleDesign.Stratified:
            {
                // One pass: the strata are counted as the cases stream by.
                var allocation = design.Allocation == "minimum" ? StratumAllocation.MinimumPerStratum(design.Minimum) : StratumAllocation.Proportional;
                var sampler = new OnePassStratifiedSampler(round.Seed, cycle.SampleSize, allocation, cycle.ReserveSize, CaseRank.Latest);
                await foreach (var m in members)
                {
                    sampler.Offer(m.CaseRef, m.Stratum);
                }

                if (sampler.PopulationCount == 0)
                {
                    return Empty(round);
                }

                var draw = sampler.Finish();
                return new Result(draw.Draw, draw.Strata);
            }

            default:
            {
                // Takes the whole population when it is smaller than the sample, so it needs no count first.
                var sampler = new SeededSampler(round.Seed, cycle.SampleSize, cycle.ReserveSize, CaseRank.Latest);
                await foreach (var m in members)
                {
                    sampler.Offer(m.CaseRef);
                }

                return new Result(sampler.Finish(), []);
            }
        }
    }

    // An empty population draws nothing; the round says so rather than failing.
    private static Result Empty(RoundRecord round) =>
        new(new SeededSampler(round.Seed, round.Cycle.SampleSize, round.Cycle.ReserveSize, CaseRank.Latest).Finish(), []);
}
