using Dapper;
using DeepDive.Domain.Cases;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Tests.Rounds;

/// <summary>
/// A register of 80 cases built so that every exclusion has a known, separate set: C-041..045 are in care proceedings
/// (a named rule), C-071..075 closed 21 months before the draw, C-005..007 audited two months before it (C-008 fifteen
/// months before, so not excluded), and families F1 (C-001..003), F2 (C-010, 011), F3 (C-020..023), F4 (C-005, C-050)
/// and F5 (C-041, C-060): 6 siblings left out once the other rules have run.
/// </summary>
internal static class SamplingRegister
{
    public static readonly DateTime AsAt = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    public static IReadOnlyList<string> InProceedings { get; } = Refs(41, 42, 43, 44, 45);

    public static IReadOnlyList<string> ClosedLongAgo { get; } = Refs(71, 72, 73, 74, 75);

    public static IReadOnlyList<string> RecentlyAudited { get; } = Refs(5, 6, 7);

    /// <summary>The families with more than one eligible case, after the other exclusions.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Families { get; } = [Refs(1, 2, 3), Refs(10, 11), Refs(20, 21, 22, 23)];

    public static IReadOnlyList<string> Excluded => [.. InProceedings, .. ClosedLongAgo, .. RecentlyAudited];

    public static string Ref(int i) => $"C-{i:D3}";

    public static List<CaseRecord> Cases() => Enumerable.Range(1, 80).Select(i =>
        new CaseRecord(Ref(i), new[] { "csc", "police", "health" }[i % 3], i is >= 41 and <= 45 ? "court-proceedings" : "child-in-need",
            $"team-{i % 4}", $"W{i % 9}", i % 2 == 0 ? $"SCH-{i % 5}" : null, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            i switch
            {
                >= 71 and <= 75 => new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc),
                >= 76 and <= 78 => new DateTime(2027, 1, 15, 0, 0, 0, DateTimeKind.Utc),
                _ => null,
            }, [])
        {
            FamilyRef = i switch
            {
                1 or 2 or 3 => "F1",
                10 or 11 => "F2",
                >= 20 and <= 23 => "F3",
                5 or 50 => "F4",
                41 or 60 => "F5",
                _ => null,
            },
            AgeBand = CaseRecord.AgeBands[i % 6],
            Tags = [.. i % 5 == 0 ? ["neglect"] : Array.Empty<string>(), .. i % 7 == 0 ? ["exploitation"] : Array.Empty<string>()],
        }).ToList();

    public static CycleDefinition Cycle(SampleDesign? design = null, int sampleSize = 10, int reserveSize = 3) => new()
    {
        Id = "neglect", Name = "Neglect deep dive", Theme = "neglect", Schedule = new CycleSchedule { Months = [3] },
        SampleSize = sampleSize, ReserveSize = reserveSize, Sampling = design ?? new SampleDesign(),
        Population = new PopulationFilter { OpenOnly = false },
        Exclusions = new SampleExclusions
        {
            ClosedMoreThanMonths = 12,
            Rules = [new ExclusionRule { Name = "Care proceedings", CaseTypes = ["court-proceedings"] }],
        },
    };

    public static RoundRecord Round(CycleDefinition cycle, long seed = 20270301) =>
        new("p", "R1", cycle.Id, "scheduled", AsAt, AsAt, seed, cycle, null);

    /// <summary>Writes the register and the earlier audits into a migrated database.</summary>
    public static async Task SeedAsync(Database database)
    {
        var clock = TimeProvider.System;
        await new PartnershipStore(database, clock).EnsureAsync("p", "p", CancellationToken.None);
        await database.InTransactionAsync(async (c, t) =>
        {
            await new CaseStore(database, clock).UpsertAsync("p", Cases(), c, t, CancellationToken.None);
            await c.ExecuteAsync("""
                INSERT INTO audit_round (partnership_id, round_id, cycle_id, kind, firing_key, scheduled_for_utc, started_utc, status, seed, cycle_json)
                VALUES ('p', 'R-recent', 'old', 'scheduled', 'recent', @Recent, @Recent, 'closed', 1, '{}'),
                       ('p', 'R-old', 'old', 'scheduled', 'old', @Old, @Old, 'closed', 1, '{}')
                """, new { Recent = AsAt.AddMonths(-2), Old = AsAt.AddMonths(-15) }, t);
            var audits = RecentlyAudited.Select(r => (Round: "R-recent", Case: r)).Append(("R-old", Ref(8)));
            foreach (var (round, caseRef) in audits)
            {
                await c.ExecuteAsync("""
                    INSERT INTO deep_dive (partnership_id, deep_dive_id, round_id, case_ref, status, needs_work, opened_utc)
                    VALUES ('p', @Id, @Round, @Case, 'closed', 0, @Opened)
                    """, new { Id = $"{round}/{caseRef}", Round = round, Case = caseRef, Opened = AsAt.AddMonths(-2) }, t);
            }
        }, CancellationToken.None);
    }

    private static IReadOnlyList<string> Refs(params int[] numbers) => numbers.Select(Ref).ToList();
}
