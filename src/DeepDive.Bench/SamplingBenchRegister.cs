using DeepDive.Domain.Cycles;
using DeepDive.Engine.Rounds;

namespace DeepDive.Bench;

/// <summary>
/// The invented case register the sampling bench draws from: the same seed and size give the same cases, streamed one
/// at a time so a million of them are never held in memory. Shaped like the demo's partnership (six agencies, their
/// case types, six localities each, 36 schools, a third of cases closed), plus prior audits: one case in 200 was deep
/// dived in one of ten earlier rounds, eight of them within the last twelve months.
/// </summary>
public static class SamplingBenchRegister
{
    public const string PartnershipId = "bench";
    public const int PriorRounds = 10;
    public const int RecentPriorRounds = 8;
    public const int AuditedOneIn = 200;

    /// <summary>When the bench round draws: the population is as at this time and the twelve months before it are "recent".</summary>
    public static readonly DateTime AsAtUtc = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime LoadedUtc = new(2027, 2, 28, 18, 0, 0, DateTimeKind.Utc);

    private static readonly (string Agency, string Prefix, string[] Types, int Weight)[] Agencies =
    [
        ("csc", "CSC", ["child-in-need", "child-protection", "looked-after"], 40),
        ("police", "POLICE", ["missing-episode", "domestic-abuse-notification", "exploitation-concern"], 15),
        ("health", "HEALTH", ["health-visiting", "school-nursing", "camhs"], 15),
        ("early-help", "EARLYHELP", ["early-help"], 15),
        ("youth-justice", "YOUTHJUSTICE", ["out-of-court", "court-order"], 5),
        ("education", "EDUCATION", ["attendance", "exclusion-risk"], 10),
    ];

    private static readonly string[] Localities = ["north", "south", "east", "west", "central", "county"];

    /// <summary>One generated case; <see cref="Index"/> is its position in generation order.</summary>
    public readonly record struct Case(
        int Index, string CaseRef, string Agency, string CaseType, string Team, string Worker, string? School,
        DateTime OpenedOn, DateTime? ClosedOn, string InvolvedAgencies);

    /// <summary>
    /// A themed multi-agency audit as a partnership would configure it: open cases of four agencies, stratified by
    /// agency with proportional allocation, 150 cases and 15 reserves; cases audited in the last twelve months are
    /// left out (the drawer's standing exclusion).
    /// </summary>
    public static CycleDefinition Cycle(int sampleSize) => new()
    {
        Id = "bench-neglect",
        Name = "Neglect: multi-agency themed audit",
        Theme = "neglect",
        Schedule = new CycleSchedule { Months = [3, 9] },
        Population = new PopulationFilter { Agencies = ["csc", "police", "health", "early-help"], OpenOnly = true },
        SampleSize = sampleSize,
        ReserveSize = 15,
        Sampling = new SampleDesign { Method = SampleDesign.Stratified, StratifyBy = "agency", Allocation = "proportional" },
    };

    public static RoundRecord Round(int sampleSize, long seed) =>
        new(PartnershipId, "bench-round", "bench-neglect", "scheduled", AsAtUtc, AsAtUtc, seed, Cycle(sampleSize), null);

    /// <summary>The cases, in generation order (not reference order: references start with the agency).</summary>
    public static IEnumerable<Case> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var totalWeight = Agencies.Sum(a => a.Weight);
        for (var n = 1; n <= count; n++)
        {
            var pick = random.Next(totalWeight);
            var a = 0;
            while (pick >= Agencies[a].Weight)
            {
                pick -= Agencies[a].Weight;
                a++;
            }

            var (agency, prefix, types, _) = Agencies[a];
            var opened = AsAtUtc.Date.AddDays(-random.Next(10, 365 * 4));
            DateTime? closed = random.Next(100) < 35 ? opened.AddDays(random.Next(30, 900)) : null;
            if (closed > AsAtUtc)
            {
                closed = null;
            }

            var hasSchool = agency == "education" || random.Next(10) < 7;
            var school = hasSchool ? $"SCH{random.Next(1, 37):D3}" : null;
            var involved = random.Next(3) switch
            {
                0 => "",
                1 => Agencies[random.Next(4)].Agency,
                _ => Agencies[random.Next(4)].Agency + "|" + (school is null ? "health" : "education"),
            };
            yield return new Case(
                n - 1,
                $"{prefix}-{opened.Year}-{n:D7}",
                agency,
                types[random.Next(types.Length)],
                $"{agency}-{Localities[random.Next(Localities.Length)]}",
                $"W-{agency}-{random.Next(1, 41):D3}",
                school,
                DateTime.SpecifyKind(opened, DateTimeKind.Utc),
                closed is { } c ? DateTime.SpecifyKind(c, DateTimeKind.Utc) : null,
                involved);
        }
    }

    /// <summary>Whether the case at this generation index was deep dived in a prior round, and in which (0 to <see cref="PriorRounds"/> - 1).</summary>
    public static int? PriorRoundOf(int index) => index % AuditedOneIn == 7 ? index / AuditedOneIn % PriorRounds : null;

    /// <summary>When prior round <paramref name="round"/> started: the recent ones 1 to 11 months before the draw, the others 15 and 21.</summary>
    public static DateTime PriorRoundStartedUtc(int round) =>
        round < RecentPriorRounds ? AsAtUtc.AddMonths(-1 - (round * 10 / RecentPriorRounds)).AddDays(-round) : AsAtUtc.AddMonths(-15 - (6 * (round - RecentPriorRounds)));
}
