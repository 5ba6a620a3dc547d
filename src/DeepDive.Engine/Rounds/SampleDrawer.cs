using System.Globalization;
using DeepDive.Domain.Cycles;
using DeepDive.Domain.Sampling;

namespace DeepDive.Engine.Rounds;

/// <summary>
/// Draws a round's sample with its cycle's design (simple random, systematic or stratified) from the seed stored with
/// the round: streams the cases its filter matches once, counting each exclusion as they pass and leaving out all but
/// one case of each family (a systematic draw counts in the database first, since its interval needs the size). Memory
/// does not grow with the register. Reads only: the caller stores the result, so a draw that fails leaves nothing.
/// <para>
/// Simple and stratified draws, and their order-independent population hash (<see cref="PopulationHasher.Latest"/>),
/// give the same result in any order, so they read the register in whatever order the database finds it. Order is
/// asked for only where it is part of the method: a systematic draw takes every k-th case in reference order, and the
/// one-per-family rule needs siblings side by side (when any eligible case has a family).
/// </para>
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
        Check(cycle);
        var stratifyBy = design.Method == SampleDesign.Stratified ? design.StratifyBy : null;
        var families = new OnePerFamily<RoundStore.Member>(round.Seed, m => m.CaseRef, CaseRank.Latest);
        var setting = new Setting(round, stratifyBy, families, round.StartedUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture));
        var (draw, strata, census, byFamily) = design.Method == SampleDesign.Systematic
            ? await DrawSystematicAsync(setting, cancellationToken)
            : await DrawInOneReadAsync(setting, cancellationToken);
        if (draw.Selected.Count < cycle.SampleSize)
        {
            throw TooLarge(cycle, census with { Excluded = [.. census.Excluded, new Exclusion(Siblings, families.Excluded)] }, draw.PopulationCount, setting.When);
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
            Record = new SamplingRecord(design.Method, stratifyBy, draw.Algorithm, draw.Seed, round.StartedUtc, cycle.Population, draw.PopulationCount,
                draw.PopulationHash, exclusions, strata)
            {
                MatchedCount = census.Matched,
                Lock = design.Lock,
            },
        };
    }

    /// <summary>What both kinds of draw work from: the round, the stratum to read, the family rule's state, and the draw's instant as the messages say it.</summary>
    private sealed record Setting(RoundRecord Round, string? StratifyBy, OnePerFamily<RoundStore.Member> Families, string When);

    /// <summary>A draw before the checks and records common to every design.</summary>
    private sealed record Drawn(SampleDraw Draw, IReadOnlyList<StratumResult> Strata, RoundStore.Census Census, bool ByFamily);

    /// <summary>Its interval needs the population's size (one per family) before the first case: it counts first, then reads in order.</summary>
    private async Task<Drawn> DrawSystematicAsync(Setting setting, CancellationToken cancellationToken)
    {
        var (round, stratifyBy, families, when) = setting;
        var cycle = round.Cycle;
        var asAt = round.StartedUtc;
        var census = await rounds.CensusAsync(round.PartnershipId, cycle, asAt, countFamilies: cycle.Exclusions.Siblings, cancellationToken);
        CheckNotEmpty(cycle, census, when);
        var byFamily = cycle.Exclusions.Siblings && census.EligibleInFamilies > 0;
        var eligible = byFamily ? census.OnePerFamily : census.Eligible;
        if (cycle.SampleSize > eligible)
        {
            throw TooLarge(cycle, byFamily ? census with { Excluded = [.. census.Excluded, new Exclusion(Siblings, census.Eligible - eligible)] } : census, eligible, when);
        }

        var sampler = new SystematicSampler(round.Seed, eligible, cycle.SampleSize, cycle.ReserveSize, PopulationHasher.Latest);
        // The family order: cases without a family by reference, then families by reference.
        var settle = new FamilyFilter(byFamily, families,
            m => sampler.Offer(m.CaseRef, byFamily ? (m.FamilyRef is null ? "0" + m.CaseRef : "1" + m.FamilyRef) : m.CaseRef));
        await rounds.ForEachEligibleAsync(
            round.PartnershipId, cycle, asAt, stratifyBy, byFamily ? RoundStore.ReadOrder.Family : RoundStore.ReadOrder.Reference, settle.Add,
            cancellationToken);
        settle.Finish();
        return new Drawn(sampler.Finish(), [], census, byFamily);
    }

    /// <summary>
    /// A simple or stratified draw in one read of the register: the census is counted while the matched cases stream by,
    /// and the eligible ones go on to the sampler. In no order, unless siblings have to arrive side by side: whether any
    /// eligible case has a family is asked first.
    /// </summary>
    private async Task<Drawn> DrawInOneReadAsync(Setting setting, CancellationToken cancellationToken)
    {
        var (round, stratifyBy, families, when) = setting;
        var cycle = round.Cycle;
        var design = cycle.Sampling;
        var asAt = round.StartedUtc;
        var byFamily = cycle.Exclusions.Siblings && await rounds.AnyEligibleInFamilyAsync(round.PartnershipId, cycle, asAt, cancellationToken);
        var tally = new CensusTally(rounds.ExclusionLabels(round.PartnershipId, cycle, asAt));
        var stratified = design.Method == SampleDesign.Stratified
            ? StratifiedSampler.Counting(round.Seed, cycle.SampleSize,
                design.Allocation == "minimum" ? StratumAllocation.MinimumPerStratum(design.Minimum) : StratumAllocation.Proportional,
                cycle.ReserveSize, CaseRank.Latest, PopulationHasher.Latest)
            : null;
        var simple = stratified is null
            ? new SeededSampler(round.Seed, cycle.SampleSize, cycle.ReserveSize, CaseRank.Latest, PopulationHasher.Latest)
            : null;
        var offered = 0;
        var settle = new FamilyFilter(byFamily, families, m =>
        {
            if (stratified is not null)
            {
                stratified.Offer(m.CaseRef, m.Stratum);
            }
            else
            {
                simple!.Offer(m.CaseRef);
            }

            offered++;
        });
        await rounds.ForEachMatchedAsync(
            round.PartnershipId, cycle, asAt, stratifyBy, byFamily ? RoundStore.ReadOrder.Family : RoundStore.ReadOrder.None,
            m =>
            {
                if (tally.Admit(m))
                {
                    settle.Add(m);
                }
            },
            cancellationToken);
        settle.Finish();

        var census = tally.Census;
        CheckNotEmpty(cycle, census, when);
        if (!byFamily && cycle.SampleSize > census.Eligible)
        {
            throw TooLarge(cycle, census, census.Eligible, when);
        }

        if (offered < cycle.SampleSize)
        {
            throw TooLarge(cycle, census with { Excluded = [.. census.Excluded, new Exclusion(Siblings, families.Excluded)] }, offered, when);
        }

        if (stratified is null)
        {
            return new Drawn(simple!.Finish(), [], census, byFamily);
        }

        StratifiedDraw result;
        try
        {
            result = stratified.Finish();
        }
        catch (ArgumentException e)
        {
            throw new SampleDrawException($"Cycle '{cycle.Id}' cannot be drawn as designed: {e.Message}");
        }

        return new Drawn(result.Draw, result.Strata, census, byFamily);
    }

    private static void CheckNotEmpty(CycleDefinition cycle, RoundStore.Census census, string when)
    {
        if (census.Matched == 0)
        {
            throw new SampleDrawException(
                $"The population of cycle '{cycle.Id}' is empty: no case in the register matches its filter ({SampleReport.Describe(cycle.Population)}) as at {when}. Nothing was drawn.");
        }

        if (census.Eligible == 0)
        {
            var excluded = census.Excluded.Where(e => e.Count > 0).Select(e => $"{e.Count} {e.Rule}").ToList();
            throw new SampleDrawException(
                $"The population of cycle '{cycle.Id}' is empty: {census.Matched} {Cases(census.Matched)} {(census.Matched == 1 ? "matches" : "match")} its filter as at {when}, and every one is excluded ({string.Join("; ", excluded)}). Nothing was drawn.");
        }
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

    /// <summary>Passes each eligible case on; by family, only each family's best-ranked case for the seed (and every case without a family).</summary>
    private sealed class FamilyFilter(bool byFamily, OnePerFamily<RoundStore.Member> families, Action<RoundStore.Member> offer)
    {
        private readonly List<RoundStore.Member> settled = new(2);

        public void Add(RoundStore.Member m)
        {
            if (!byFamily)
            {
                offer(m);
                return;
            }

            families.Offer(m, m.FamilyRef, settled);
            PassOn();
        }

        /// <summary>Passes on the last family's case, at the end of the population.</summary>
        public void Finish()
        {
            families.Finish(settled);
            PassOn();
        }

        private void PassOn()
        {
            foreach (var s in settled)
            {
                offer(s);
            }

            settled.Clear();
        }
    }
}
