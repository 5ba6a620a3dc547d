using System.Diagnostics;
using DeepDive.Domain.Assignment;
using DeepDive.Domain.Auditors;
using DeepDive.Simulation;

namespace DeepDive.Bench;

/// <summary>
/// Times the auditor assignment on realistic instances (by default 500 tasks over 100 auditors): the synthetic
/// partnership's cases give the tasks (one per case and auditing agency), and the auditors have teams, skills,
/// line managers, declared conflicts and work already taken this month. Each scenario is timed cold (the first
/// call, as a round's assign step meets it) and then warm, several times.
/// </summary>
public static class AssignmentBenchmark
{
    public sealed record Options(int Tasks = 500, int Auditors = 100, int Repeats = 5, int Seed = 2027);

    /// <param name="Name">typical (enough capacity for nearly every task) or tight (capacity for about half).</param>
    public sealed record Scenario(
        string Name, int Tasks, int Auditors, int Assigned, int Unassigned, int BusiestLoad, int DeclaredConflicts,
        double ColdMs, double MedianMs, double MaxMs);

    public sealed record Report(Options Options, IReadOnlyList<Scenario> Scenarios, double GoalMs, bool Met);

    public const double GoalMs = 1000;

    public static Report Run(Options options)
    {
        var scenarios = new List<Scenario>();
        foreach (var (name, minCapacity, maxCapacity) in new[] { ("typical", 4, 9), ("tight", 1, 4) })
        {
            var instance = Build(options, new Random(options.Seed), minCapacity, maxCapacity);
            var times = new List<double>();
            AssignmentResult? result = null;
            for (var i = 0; i <= options.Repeats; i++)
            {
                var watch = Stopwatch.StartNew();
                result = AuditorAssigner.Assign(instance.Tasks, instance.Auditors, instance.Load, instance.Declared);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            var warm = times.Skip(1).Order().ToList();
            var busiest = instance.Auditors.Max(a => instance.Load.GetValueOrDefault(a.AuditorId) + result!.AuditorByTask.Values.Count(v => v == a.AuditorId));
            scenarios.Add(new Scenario(name, instance.Tasks.Count, instance.Auditors.Count, result!.AuditorByTask.Count, result.Unassigned.Count, busiest,
                instance.Declared.Count, times[0], warm.Count == 0 ? times[0] : warm[warm.Count / 2], times.Max()));
        }

        return new Report(options, scenarios, GoalMs, scenarios.All(s => s.MaxMs <= GoalMs));
    }

    private sealed record Instance(List<AuditTaskNeed> Tasks, List<Auditor> Auditors, Dictionary<string, int> Load, List<DeclaredConflict> Declared);

    private static Instance Build(Options options, Random random, int minCapacity, int maxCapacity)
    {
        var partnership = SyntheticPartnership.Generate(options.Seed, Math.Max(200, options.Tasks), new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc));
        var cases = partnership.Cases.OrderBy(_ => random.Next()).ToList();
        var tasks = new List<AuditTaskNeed>();
        foreach (var c in cases)
        {
            foreach (var agency in c.AuditingAgencies())
            {
                if (tasks.Count < options.Tasks)
                {
                    tasks.Add(new AuditTaskNeed($"R-2027-03/{c.CaseRef}/{agency}", c.CaseRef, agency, c.Team, c.Worker));
                }
            }
        }

        // Auditors in proportion to each agency's share of the work, in the same teams as the cases.
        var teams = partnership.Cases.GroupBy(c => c.Agency).ToDictionary(g => g.Key, g => g.Select(c => c.Team).Distinct().Order().ToList());
        var workers = partnership.Cases.Select(c => c.Worker).Distinct().Order().ToList();
        var share = tasks.GroupBy(t => t.Agency).ToDictionary(g => g.Key, g => g.Count());
        var agencies = share.Keys.Order().ToList();
        var auditors = new List<Auditor>();
        for (var i = 0; i < options.Auditors; i++)
        {
            var agency = Weighted(random, agencies, share);
            var skills = new List<string>();
            if (random.NextDouble() < 0.25)
            {
                skills.Add(agencies[random.Next(agencies.Count)]);
            }

            // About one in ten is a practitioner who also holds cases; one in five reports to a case worker.
            var id = random.NextDouble() < 0.1 ? workers[random.Next(workers.Count)] : $"A-{agency}-{i:D3}";
            if (auditors.Any(a => a.AuditorId == id))
            {
                id = $"A-{agency}-{i:D3}";
            }

            string? manager = random.NextDouble() < 0.2 ? workers[random.Next(workers.Count)]
                : auditors.Count > 0 && random.NextDouble() < 0.2 ? auditors[random.Next(auditors.Count)].AuditorId : null;
            var team = teams.TryGetValue(agency, out var list) && random.NextDouble() < 0.5 ? list[random.Next(list.Count)] : $"{agency}-quality-assurance";
            auditors.Add(new Auditor(id, $"Auditor {i + 1}", agency, team, skills, random.Next(minCapacity, maxCapacity + 1), manager));
        }

        var load = auditors.Where(_ => random.NextDouble() < 0.4).ToDictionary(a => a.AuditorId, _ => random.Next(1, 4));
        var declared = Enumerable.Range(0, options.Auditors / 3).Select(_ =>
        {
            var task = tasks[random.Next(tasks.Count)];
            var kind = (ConflictSubject)random.Next(3);
            var subject = kind switch { ConflictSubject.Case => task.CaseRef, ConflictSubject.Worker => task.CaseWorker, _ => task.CaseTeam };
            return new DeclaredConflict(auditors[random.Next(auditors.Count)].AuditorId, kind, subject, "knows the family", "business-team", DateTime.UnixEpoch);
        }).ToList();
        return new Instance(tasks, auditors, load, declared);
    }

    private static string Weighted(Random random, List<string> keys, Dictionary<string, int> weights)
    {
        var pick = random.Next(weights.Values.Sum());
        foreach (var key in keys)
        {
            pick -= weights[key];
            if (pick < 0)
            {
                return key;
            }
        }

        return keys[^1];
    }
}
