using DeepDive.Domain.Assignment;
using DeepDive.Domain.Auditors;

namespace DeepDive.Domain.Tests.Assignment;

public sealed class AuditorAssignerOptimalityTests
{
    private static readonly string[] Teams = ["north", "south", "east"];
    private static readonly string[] Agencies = ["csc", "police"];
    private static readonly string[] SkillPool = ["csc", "police", "neglect"];

    [Fact]
    public void Assign_OnSmallInstances_MatchesBruteForce_OnTasksAssignedThenBusiestLoad()
    {
        var random = new Random(4242);
        for (var instance = 0; instance < 300; instance++)
        {
            var auditors = Enumerable.Range(1, random.Next(1, 5))
                .Select(i => new Auditor($"A{i}", $"A{i}", "csc", Teams[random.Next(Teams.Length)], ["csc"], random.Next(0, 4)))
                .ToList();
            var tasks = Enumerable.Range(1, random.Next(1, 7))
                .Select(i => new AuditTaskNeed($"T{i}", $"C{i}", "csc", Teams[random.Next(Teams.Length)], $"W{random.Next(3)}"))
                .ToList();
            var load = auditors.Where(_ => random.Next(3) == 0).ToDictionary(a => a.AuditorId, _ => random.Next(0, 3));

            Check(instance, tasks, auditors, load, []);
        }
    }

    [Fact]
    public void Assign_WithSkillsManagersAndDeclaredConflicts_MatchesBruteForce_AndExplainsEveryUnassignedTask()
    {
        var random = new Random(20270301);
        var unassignedSeen = 0;
        for (var instance = 0; instance < 400; instance++)
        {
            var count = random.Next(1, 6);
            // Workers and managers are drawn from the auditors' own ids as well, so line management inside the register occurs.
            string Staff() => random.Next(3) == 0 ? $"A{random.Next(1, count + 1)}" : $"W{random.Next(3)}";
            var auditors = Enumerable.Range(1, count)
                .Select(i => new Auditor($"A{i}", $"Auditor {i}", Agencies[random.Next(Agencies.Length)], Teams[random.Next(Teams.Length)],
                    SkillPool.Where(_ => random.Next(3) == 0).ToList(), random.Next(0, 4), random.Next(3) == 0 ? Staff() : null))
                .ToList();
            var required = random.Next(4) == 0 ? new[] { "neglect" } : [];
            var tasks = Enumerable.Range(1, random.Next(1, 7))
                .Select(i => new AuditTaskNeed($"T{i}", $"C{random.Next(1, 5)}", Agencies[random.Next(Agencies.Length)], Teams[random.Next(Teams.Length)], Staff(), required))
                .ToList();
            var load = auditors.Where(_ => random.Next(3) == 0).ToDictionary(a => a.AuditorId, _ => random.Next(0, 3));
            var declared = Enumerable.Range(0, random.Next(0, 3)).Select(_ =>
            {
                var kind = (ConflictSubject)random.Next(3);
                var subject = kind switch
                {
                    ConflictSubject.Case => $"C{random.Next(1, 5)}",
                    ConflictSubject.Worker => Staff(),
                    _ => Teams[random.Next(Teams.Length)],
                };
                return new DeclaredConflict($"A{random.Next(1, count + 1)}", kind, subject, "knows the family", "business-team", DateTime.UnixEpoch);
            }).ToList();

            unassignedSeen += Check(instance, tasks, auditors, load, declared);
        }

        unassignedSeen.Should().BeGreaterThan(100, "the instances should exercise the explanations");
    }

    [Fact]
    public void Assign_MovesAnEarlierTask_WhenThatLetsALaterOneBeAssigned()
    {
        // A1 could take either task, A2 only the first (the second case is A2's own team): a greedy pass that gives
        // the first task to A1 would leave the second unassigned.
        var auditors = new[] { new Auditor("A1", "A1", "csc", "east", ["csc"], 1), new Auditor("A2", "A2", "csc", "south", ["csc"], 1) };
        var tasks = new[] { new AuditTaskNeed("T1", "C1", "csc", "north", "W1"), new AuditTaskNeed("T2", "C2", "csc", "south", "W2") };

        var result = AuditorAssigner.Assign(tasks, auditors, new Dictionary<string, int>());

        result.AuditorByTask.Should().BeEquivalentTo(new Dictionary<string, string> { ["T1"] = "A2", ["T2"] = "A1" });
    }

    /// <summary>Compares one instance with brute force and checks its explanations; returns how many tasks went unassigned.</summary>
    private static int Check(int instance, List<AuditTaskNeed> tasks, List<Auditor> auditors, Dictionary<string, int> load, List<DeclaredConflict> declared)
    {
        var result = AuditorAssigner.Assign(tasks, auditors, load, declared);
        var (bestCount, bestMax) = BruteForce(tasks, auditors, load, declared);

        result.AuditorByTask.Should().HaveCount(bestCount, "instance {0} assigns as many tasks as possible", instance);
        Busiest(result.AuditorByTask, auditors, load).Should().Be(bestMax, "instance {0} keeps the busiest auditor as light as possible", instance);
        foreach (var (taskId, auditorId) in result.AuditorByTask)
        {
            Spec(auditors.Single(a => a.AuditorId == auditorId), tasks.Single(t => t.TaskId == taskId), auditors, declared)
                .Should().BeNull("instance {0} gives {1} only to an eligible auditor", instance, taskId);
        }

        foreach (var auditor in auditors)
        {
            var total = load.GetValueOrDefault(auditor.AuditorId) + result.AuditorByTask.Values.Count(v => v == auditor.AuditorId);
            if (result.AuditorByTask.Values.Contains(auditor.AuditorId))
            {
                total.Should().BeLessThanOrEqualTo(auditor.MonthlyCapacity, "instance {0} keeps {1} within capacity", instance, auditor.AuditorId);
            }
        }

        result.Unassigned.Keys.Should().BeEquivalentTo(tasks.Select(t => t.TaskId).Except(result.AuditorByTask.Keys));
        foreach (var (taskId, why) in result.Unassigned)
        {
            var task = tasks.Single(t => t.TaskId == taskId);
            why.Candidates.Select(c => c.AuditorId).Should().BeEquivalentTo(auditors.Select(a => a.AuditorId), "every auditor is accounted for");
            foreach (var candidate in why.Candidates)
            {
                var auditor = auditors.Single(a => a.AuditorId == candidate.AuditorId);
                var used = load.GetValueOrDefault(auditor.AuditorId);
                var expected = Spec(auditor, task, auditors, declared) ?? (used >= auditor.MonthlyCapacity ? ExclusionRule.AtCapacity : ExclusionRule.CapacityUsedByRound);
                candidate.Rule.Should().Be(expected, "instance {0}, task {1}, auditor {2}", instance, taskId, auditor.AuditorId);
                if (candidate.Rule == ExclusionRule.CapacityUsedByRound)
                {
                    var theirs = result.AuditorByTask.Where(p => p.Value == auditor.AuditorId).Select(p => p.Key).ToList();
                    candidate.TakenTasks.Should().BeEquivalentTo(theirs);
                    (used + theirs.Count).Should().Be(auditor.MonthlyCapacity, "an eligible auditor left out is full");
                }
            }

            why.CouldTakeIt.Should().BeEquivalentTo(why.Candidates.Where(c => c.Rule is ExclusionRule.AtCapacity or ExclusionRule.CapacityUsedByRound).Select(c => c.AuditorId));
            why.Summary.Should().NotBeNullOrWhiteSpace();
        }

        return result.Unassigned.Count;
    }

    /// <summary>The rules restated plainly: the exclusion before capacity, or null when the auditor may take the task.</summary>
    private static ExclusionRule? Spec(Auditor a, AuditTaskNeed t, List<Auditor> register, List<DeclaredConflict> declared)
    {
        static bool Eq(string? x, string? y) => x is not null && y is not null && string.Equals(x, y, StringComparison.OrdinalIgnoreCase);
        if (!(Eq(a.Agency, t.Agency) || a.Skills.Any(s => Eq(s, t.Agency))) || t.Skills.Any(s => !a.Skills.Any(h => Eq(h, s))))
        {
            return ExclusionRule.MissingSkill;
        }

        var conflict = Eq(a.AuditorId, t.CaseWorker)
            || Eq(a.Manager, t.CaseWorker)
            || register.Any(w => Eq(w.AuditorId, t.CaseWorker) && Eq(w.Manager, a.AuditorId))
            || Eq(a.Team, t.CaseTeam)
            || declared.Any(d => Eq(d.AuditorId, a.AuditorId) && Eq(d.Subject, d.Kind switch
            {
                ConflictSubject.Case => t.CaseRef,
                ConflictSubject.Worker => t.CaseWorker,
                _ => t.CaseTeam,
            }));
        return conflict ? ExclusionRule.Conflict : null;
    }

    private static int Busiest(IReadOnlyDictionary<string, string> byTask, IReadOnlyList<Auditor> auditors, IReadOnlyDictionary<string, int> load) =>
        auditors.Select(a => load.GetValueOrDefault(a.AuditorId) + byTask.Values.Count(v => v == a.AuditorId)).DefaultIfEmpty(0).Max();

    private static (int Count, int Max) BruteForce(
        List<AuditTaskNeed> tasks, List<Auditor> auditors, IReadOnlyDictionary<string, int> load, List<DeclaredConflict> declared)
    {
        var best = (Count: -1, Max: int.MaxValue);
        var choice = new int[tasks.Count];
        void Walk(int t)
        {
            if (t == tasks.Count)
            {
                var used = auditors.Select(a => load.GetValueOrDefault(a.AuditorId)).ToArray();
                var count = 0;
                for (var i = 0; i < tasks.Count; i++)
                {
                    if (choice[i] >= 0)
                    {
                        used[choice[i]]++;
                        count++;
                    }
                }

                if (choice.Where(c => c >= 0).GroupBy(c => c).All(g => load.GetValueOrDefault(auditors[g.Key].AuditorId) + g.Count() <= auditors[g.Key].MonthlyCapacity))
                {
                    var max = used.DefaultIfEmpty(0).Max();
                    if (count > best.Count || (count == best.Count && max < best.Max))
                    {
                        best = (count, max);
                    }
                }

                return;
            }

            choice[t] = -1;
            Walk(t + 1);
            for (var a = 0; a < auditors.Count; a++)
            {
                if (Spec(auditors[a], tasks[t], auditors, declared) is null)
                {
                    choice[t] = a;
                    Walk(t + 1);
                }
            }

            choice[t] = -1;
        }

        Walk(0);
        return best;
    }
}
