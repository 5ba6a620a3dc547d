using DeepDive.Domain.Assignment;
using DeepDive.Domain.Auditors;

namespace DeepDive.Domain.Tests.Assignment;

public sealed class AuditorAssignerTests
{
    private static Auditor Auditor(string id, string team, int capacity = 5, string agency = "csc") => new(id, id, agency, team, [agency], capacity);

    [Fact]
    public void Assign_NeverGivesACaseToAnAuditorFromItsOwnTeam()
    {
        var tasks = new[] { new AuditTaskNeed("t1", "C1", "csc", "csc-north", "W1") };
        var result = AuditorAssigner.Assign(tasks, [Auditor("A1", "csc-north"), Auditor("A2", "csc-south")], new Dictionary<string, int>());
        result.AuditorByTask["t1"].Should().Be("A2");
    }

    [Fact]
    public void Assign_NeverGivesACaseToItsOwnWorker()
    {
        var tasks = new[] { new AuditTaskNeed("t1", "C1", "csc", "csc-north", "A2") };
        var result = AuditorAssigner.Assign(tasks, [Auditor("A2", "csc-south")], new Dictionary<string, int>());
        result.AuditorByTask.Should().BeEmpty();
        result.UnassignedReasons["t1"].Should().Contain("A2: worked on the case");
    }

    [Fact]
    public void Assign_SpreadsWorkAndRespectsCapacity_SayingWhyTheRestWaits()
    {
        var tasks = Enumerable.Range(1, 5).Select(i => new AuditTaskNeed($"t{i}", $"C{i}", "csc", "csc-north", "W1")).ToList();
        var result = AuditorAssigner.Assign(tasks, [Auditor("A1", "csc-south", 2), Auditor("A2", "csc-east", 2)], new Dictionary<string, int>());
        result.AuditorByTask.Values.GroupBy(a => a).Should().OnlyContain(g => g.Count() == 2);
        result.UnassignedReasons.Should().ContainSingle().Which.Value.Should().Contain("at capacity");
    }

    [Fact]
    public void Assign_CountsWorkAlreadyTakenThisMonth()
    {
        var tasks = new[] { new AuditTaskNeed("t1", "C1", "csc", "csc-north", "W1") };
        var result = AuditorAssigner.Assign(tasks, [Auditor("A1", "csc-south", 3), Auditor("A2", "csc-east", 3)],
            new Dictionary<string, int> { ["A1"] = 2 });
        result.AuditorByTask["t1"].Should().Be("A2");
    }

    [Fact]
    public void Assign_WhenNoAuditorBelongsToTheAgency_SaysSo()
    {
        var tasks = new[] { new AuditTaskNeed("t1", "C1", "police", "police-north", "W1") };
        var result = AuditorAssigner.Assign(tasks, [Auditor("A1", "csc-south")], new Dictionary<string, int>());
        result.UnassignedReasons["t1"].Should().Contain("no auditor belongs to agency 'police'");
    }
}
