using Bogus;
using DeepDive.Domain.Auditors;
using DeepDive.Domain.Cases;

namespace DeepDive.Simulation;

/// <summary>A realistic, entirely invented partnership: agencies, teams, auditors, schools and a case register. Same seed, same partnership.</summary>
public sealed record SyntheticPartnership(
    IReadOnlyList<string> Agencies,
    IReadOnlyList<string> Schools,
    IReadOnlyList<Auditor> Auditors,
    IReadOnlyList<CaseRecord> Cases)
{
    private static readonly Dictionary<string, string[]> CaseTypes = new()
    {
        ["csc"] = ["child-in-need", "child-protection", "looked-after"],
        ["police"] = ["missing-episode", "domestic-abuse-notification", "exploitation-concern"],
        ["health"] = ["health-visiting", "school-nursing", "camhs"],
        ["early-help"] = ["early-help"],
        ["youth-justice"] = ["out-of-court", "court-order"],
        ["education"] = ["attendance", "exclusion-risk"],
    };

    public static SyntheticPartnership Generate(int seed, int caseCount, DateTime asAtUtc)
    {
        var faker = new Faker("en_GB") { Random = new Randomizer(seed) };
        var agencies = CaseTypes.Keys.ToList();
        var teams = agencies.ToDictionary(a => a, a => Enumerable.Range(1, 6).Select(i => $"{a}-{Locality(i)}").ToList());
        var schools = Enumerable.Range(1, 36)
            .Select(i => $"SCH{i:D3} {faker.Address.City()} {faker.PickRandom("Primary School", "Academy", "High School", "Infant School", "C of E Primary")}")
            .ToList();

        var auditors = new List<Auditor>();
        foreach (var agency in agencies)
        {
            for (var i = 1; i <= 8; i++)
            {
                var skills = new List<string> { agency };
                if (agency == "education" || faker.Random.Bool(0.2f))
                {
                    skills.Add("education");
                }

                // Each agency's first auditor leads its audit team and line-manages the others; the leads answer to
                // a head of service outside the pool (no address: escalations about the leads go to the business team).
                var id = $"A-{agency}-{i:D2}";
                var manager = i == 1 ? $"HOS-{agency}" : $"A-{agency}-01";
                auditors.Add(new Auditor(id, faker.Name.FullName(), agency, faker.PickRandom(teams[agency]), skills, faker.Random.Int(4, 8),
                    manager, $"{id.ToLowerInvariant()}@demo-partnership.example"));
            }
        }

        var workers = agencies.ToDictionary(a => a, a => Enumerable.Range(1, 40).Select(i => $"W-{a}-{i:D3}").ToList());
        var cases = new List<CaseRecord>(caseCount);
        for (var n = 1; n <= caseCount; n++)
        {
            var agency = faker.Random.WeightedRandom(agencies.ToArray(), [0.4f, 0.15f, 0.15f, 0.15f, 0.05f, 0.1f]);
            var opened = asAtUtc.AddDays(-faker.Random.Int(10, 365 * 4)).Date;
            DateTime? closed = faker.Random.Bool(0.35f) ? opened.AddDays(faker.Random.Int(30, 900)) : null;
            if (closed > asAtUtc)
            {
                closed = null;
            }

            var others = agencies.Where(a => a != agency && a != "education").OrderBy(_ => faker.Random.Int()).Take(faker.Random.Int(0, 2)).ToList();
            var school = agency == "education" || faker.Random.Bool(0.7f) ? faker.PickRandom(schools)[..6] : null;
            if (school is not null && agency != "education" && faker.Random.Bool(0.6f))
            {
                others.Add("education");
            }

            cases.Add(new CaseRecord(
                $"{agency.ToUpperInvariant().Replace("-", "", StringComparison.Ordinal)}-{opened.Year}-{n:D6}",
                agency,
                faker.PickRandom(CaseTypes[agency]),
                faker.PickRandom(teams[agency]),
                faker.PickRandom(workers[agency]),
                school,
                DateTime.SpecifyKind(opened, DateTimeKind.Utc),
                closed is { } c ? DateTime.SpecifyKind(c, DateTimeKind.Utc) : null,
                others));
        }

        return new SyntheticPartnership(agencies, schools, auditors, cases);
    }

    private static string Locality(int i) => i switch
    {
        1 => "north",
        2 => "south",
        3 => "east",
        4 => "west",
        5 => "central",
        _ => "county",
    };
}
