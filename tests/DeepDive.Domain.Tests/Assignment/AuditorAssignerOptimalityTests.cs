using DeepDive.Domain.Assignment;
using DeepDive.Domain.Auditors;

namespace DeepDive.Domain.Tests.Assignment;

public sealed class AuditorAssignerOptimalityTests
{
    [Fact]
    public void Assign_OnSmallInstances_MatchesBruteForce_OnTasksAssignedThenBusiestLoad()
    {
        var random = new Random(4242);
        for (var instance = 0; instance < 300; instance++)
        {
            var teams = new[] { "north", "south", "east" };
            var auditors = Enumerable.Range(1, random.Next(1, 5))
                .Select(i => new Auditor($"A{i}", $"A{i}", "csc", teams[random.Next(teams.Length)], ["csc"], random.Next(0, 4)))
                .ToList();
            var tasks = Enumerable.Range(1, random.Next(1, 7))
                .Select(i => new AuditTaskNeed($"T{i}", $"C{i}", "csc", teams[random.Next(teams.Length)], $"W{random.Next(3)}"))
                .ToList();
            var load = auditors.Where(_ => random.Next(3) == 0).ToDictionary(a => a.AuditorId, _ => random.Next(0, 3));

            var result = AuditorAssigner.Assign(tasks, auditors, load);
            var (bestCount, bestMax) = BruteForce(tasks, auditors, load);

            result.AuditorByTask.Should().HaveCount(bestCount, "instance {0} assigns as many tasks as possible", instance);
            Busiest(result.AuditorByTask, auditors, load).Should().Be(bestMax, "instance {0} keeps the busiest auditor as light as possible", instance);
            foreach (var (taskId, auditorId) in result.AuditorByTask)
            {
                var task = tasks.Single(t => t.TaskId == taskId);
                ConflictRules.Conflict(auditors.Single(a => a.AuditorId == auditorId), task).Should().BeNull();
            }

            result.UnassignedReasons.Keys.Should().BeEquivalentTo(tasks.Select(t => t.TaskId).Except(result.AuditorByTask.Keys));
        }
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

    private static int Busiest(IReadOnlyDictionary<string, string> byTask, IReadOnlyList<Auditor> auditors, IReadOnlyDictionary<string, int> load) =>
        auditors.Select(a => load.GetValueOrDefault(a.AuditorId) + byTask.Values.Count(v => v == a.AuditorId)).DefaultIfEmpty(0).Max();

    private static (int Count, int Max) BruteForce(IReadOnlyList<AuditTaskNeed> tasks, IReadOnlyList<Auditor> auditors, IReadOnlyDictionary<string, int> load)
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

                if (auditors.Select((a, i) => used[i] <= Math.Max(a.MonthlyCapacity, load.GetValueOrDefault(a.AuditorId))).All(ok => ok)
                    && choice.Where(c => c >= 0).GroupBy(c => c).All(g => load.GetValueOrDefault(auditors[g.Key].AuditorId) + g.Count() <= auditors[g.Key].MonthlyCapacity))
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
                if (ConflictRules.Conflict(auditors[a], tasks[t]) is null)
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
