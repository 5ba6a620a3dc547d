using System.Globalization;
using DeepDive.Domain.Cycles;
using DeepDive.Domain.Sampling;

namespace DeepDive.Engine.Rounds;

/// <summary>
/// Draws a round's sample with its cycle's design (simple random, systematic or stratified) from the seed stored with
/// the round: counts the population and each exclusion in the database, then streams the eligible cases once, leaving
/// out all but one case of each family. Reads only: the caller stores the result, so a draw that fails leaves nothing.
/// </summary>
public sealed class SampleDrawer(RoundStore rounds)
{
    public sealed record Result(SampleDraw Draw, IReadOnlyList<StratumResult> Strata)
    {
        public SamplingRecord Record { get; init; } = null!;
    }

    /// <summary>The exclusion label of the default rule: a case audited in the twelve months before the draw.</summary>
    public static readonly string RecentlyAudited = PopulationQuery.AuditedLabel(12);

    /// <summary>The exclusion label for siblings left out so that a family has at most one case in the sample.</summary>
    public const string Siblings = PopulationQuery.SiblingLabel;

    /// <summary>Added to the algorithm name when siblings were left out: the family's best-ranked case for the seed stays.</summary>
    public const string FamilyRule = "one-per-family-v1";

    /// <exception cref="SampleDrawException">The cycle asks for something the population cannot give; the message says what.</exception>
    public async Task<Result> DrawAsync(RoundRecord round, CancellationToken cancellationToken)
    {
        var cycle = round.Cycle;
        var design = cycle.Sampling;
        var asAt = round.StartedUtc;
        Check(cycle);
        var stratifyBy = design.Method == SampleDesign.Stratified ? design.StratifyBy : null;
        var systematic = design.Method == SampleDesign.Systematic;
        var census = await rounds.CensusAsync(round.PartnershipId, cycle, asAt, countFamilies: systematic && cycle.Exclusions.Siblings, cancellationToken);
        var when = asAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        if (census.Matched == 0)
        {
            throw new SampleDrawException(
                $"The population of cycle '{cycle.Id}' is empty: no case in the register matches its filter ({SampleReport.Describe(cycle.Population)}) as at {when}. Nothing was drawn.");
        }

        var byFamily = cycle.Exclusions.Siblings && census.EligibleInFamilies > 0;
        var excluded = census.Excluded.Where(e => e.Count > 0).Select(e => $"{e.Count} {e.Rule}").ToList();
        if (census.Eligible == 0)
        {
            throw new SampleDrawException(
                $"The population of cycle '{cycle.Id}' is empty: {census.Matched} {Cases(census.Matched)} {(census.Matched == 1 ? "matches" : "match")} its filter as at {when}, and every one is excluded ({string.Join("; ", excluded)}). Nothing was drawn.");
        }

        // Known before streaming unless siblings are still to be left out (systematic counts the families up front).
        var eligible = byFamily && systematic ? census.OnePerFamily : census.Eligible;
        if (cycle.SampleSize > eligible && (!byFamily || systematic))
        {
            throw TooLarge(cycle, byFamily ? census with { Excluded = [.. census.Excluded, new Exclusion(Siblings, census.Eligible - eligible)] } : census, eligible, when);
        }

        var members = rounds.EligibleAsync(round.PartnershipId, cycle, asAt, stratifyBy, byFamily, cancellationToken);
        var families = new OnePerFamily<RoundStore.Member>(round.Seed, m => m.CaseRef, CaseRank.Latest);
        var settled = new List<RoundStore.Member>(2);
        SampleDraw draw;
        IReadOnlyList<StratumResult> strata = [];
        switch (design.Method)
        {
            case SampleDesign.Systematic:
            {
                var sampler = new SystematicSampler(round.Seed, eligible, cycle.SampleSize, cycle.ReserveSize);
                await foreach (var m in OnePerFamilyAsync(members, byFamily, families, settled))
                {
                    // The family order: cases without a family by reference, then families by reference.
                    sampler.Offer(m.CaseRef, byFamily ? (m.FamilyRef is null ? "0" + m.CaseRef : "1" + m.FamilyRef) : m.CaseRef);
                }

                draw = sampler.Finish();
                break;
            }

            case SampleDesign.Stratified:
            {
                // One pass: the strata are counted as the cases stream by.
                var allocation = design.Allocation == "minimum" ? StratumAllocation.MinimumPerStratum(design.Minimum) : StratumAllocation.Proportional;
                var sampler = StratifiedSampler.Counting(round.Seed, cycle.SampleSize, allocation, cycle.ReserveSize, CaseRank.Latest);
                var offered = 0;
                await foreach (var m in OnePerFamilyAsync(members, byFamily, families, settled))
                {
                    sampler.Offer(m.CaseRef, m.Stratum);
                    offered++;
                }

                if (offered < cycle.SampleSize)
                {
                    throw TooLarge(cycle, census with { Excluded = [.. census.Excluded, new Exclusion(Siblings, families.Excluded)] }, offered, when);
                }

                StratifiedDraw stratified;
                try
                {
                    stratified = sampler.Finish();
                }
                catch (ArgumentException e)
                {
                    throw new SampleDrawException($"Cycle '{cycle.Id}' cannot be drawn as designed: {e.Message}");
                }

                (draw, strata) = (stratified.Draw, stratified.Strata);
                break;
            }

            default:
            {
                var sampler = new SeededSampler(round.Seed, cycle.SampleSize, cycle.ReserveSize, CaseRank.Latest);
                await foreach (var m in OnePerFamilyAsync(members, byFamily, families, settled))
                {
                    sampler.Offer(m.CaseRef);
                }

                draw = sampler.Finish();
                break;
            }
        }

        if (draw.Selected.Count < cycle.SampleSize)
        {
            throw TooLarge(cycle, census with { Excluded = [.. census.Excluded, new Exclusion(Siblings, families.Excluded)] }, draw.PopulationCount, when);
        }

        var exclusions = census.Excluded.ToList();
        if (cycle.Exclusions.Siblings)
        {
            exclusions.Add(new Exclusion(Siblings, families.Excluded));
        }

        if (byFamily)
        {
            draw = draw with { Algorithm = draw.Algorithm + "+" + FamilyRule };
        }

        return new Result(draw, strata)
        {
            Record = new SamplingRecord(design.Method, stratifyBy, draw.Algorithm, draw.Seed, asAt, cycle.Population, draw.PopulationCount,
                draw.PopulationHash, exclusions, strata)
            {
                MatchedCount = census.Matched,
                Lock = design.Lock,
            },
        };
    }

    private static void Check(CycleDefinition cycle)
    {
        // A stored cycle is read back without the file's checks, so the draw checks what it relies on.
        if (cycle.SampleSize < 1)
        {
            throw new SampleDrawException($"Cycle '{cycle.Id}' asks for a sample of {cycle.SampleSize}; the sample size must be at least 1.");
        }

        if (cycle.ReserveSize < 0)
        {
            throw new SampleDrawException($"Cycle '{cycle.Id}' asks for {cycle.ReserveSize} reserves; the reserve size cannot be negative.");
        }

        if (cycle.Sampling.Method == SampleDesign.Stratified)
        {
            _ = RoundStore.StratumColumn(cycle.Sampling.StratifyBy ?? throw new SampleDrawException($"Cycle '{cycle.Id}' is stratified but does not say by what."));
        }
    }

    private static SampleDrawException TooLarge(CycleDefinition cycle, RoundStore.Census census, int eligible, string when)
    {
        var excluded = census.Excluded.Where(e => e.Count > 0).Select(e => $"{e.Count} {e.Rule}").ToList();
        return new SampleDrawException(
            $"Cycle '{cycle.Id}' asks for a sample of {cycle.SampleSize}, but only {eligible} {Cases(eligible)} can be drawn as at {when}: "
            + $"{census.Matched} {(census.Matched == 1 ? "matches" : "match")} the filter"
            + (excluded.Count == 0 ? "" : $", less {string.Join("; ", excluded)}")
            + ". Lower sampleSize, widen the population or relax the exclusions. Nothing was drawn.");
    }

    private static string Cases(int n) => n == 1 ? "case" : "cases";

    /// <summary>The eligible cases with all but one case of each family left out (the family's best-ranked for the seed).</summary>
    private static async IAsyncEnumerable<RoundStore.Member> OnePerFamilyAsync(
        IAsyncEnumerable<RoundStore.Member> members, bool byFamily, OnePerFamily<RoundStore.Member> families, List<RoundStore.Member> settled)
    {
        await foreach (var m in members)
        {
            if (!byFamily)
            {
                yield return m;
                continue;
            }

            families.Offer(m, m.FamilyRef, settled);
            foreach (var s in settled)
            {
                yield return s;
            }

            settled.Clear();
        }

        families.Finish(settled);
        foreach (var s in settled)
        {
            yield return s;
        }

        settled.Clear();
    }
}
