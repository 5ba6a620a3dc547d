using DeepDive.Domain.Assignment;
using DeepDive.Domain.Auditors;

namespace DeepDive.Domain.Tests.Assignment;

public sealed class AuditorAssignerTests
{
    private static readonly Dictionary<string, int> NoLoad = [];

    private static Auditor Auditor(string id, string team, int capacity = 5, string agency = "csc", string? manager = null, params string[] skills) =>
        new(id, id, agency, team, skills, capacity, manager);

    [Fact]
    public void Assign_NeverGivesACaseToAnAuditorFromItsOwnTeam()
    {
        var tasks = new[] { new AuditTaskNeed("t1", "C1", "csc", "csc-north", "W1") };
        var result = AuditorAssigner.Assign(tasks, [Auditor("A1", "csc-north"), Auditor("A2", "csc-south")], NoLoad);
        result.AuditorByTask["t1"].Should().Be("A2");
    }

    [Fact]
    public void Assign_NeverGivesACaseToItsOwnWorker()
    {
        var tasks = new[] { new AuditTaskNeed("t1", "C1", "csc", "csc-north", "A2") };
        var result = AuditorAssigner.Assign(tasks, [Auditor("A2", "csc-south")], NoLoad);
        result.AuditorByTask.Should().BeEmpty();
        result.Unassigned["t1"].Candidates.Should().ContainSingle().Which.Should().BeEquivalentTo(
            new { AuditorId = "A2", Rule = ExclusionRule.Conflict, Reason = "worked on the case (its allocated worker)" });
    }

    [Fact]
    public void Assign_NeverGivesACaseToTheWorkersManager_NorToSomeoneTheWorkerManages()
    {
        // W1 is in the register with A1 as manager; A2 is managed by W1; A3 has no link to W1.
        var register = new[]
        {
            Auditor("A1", "qa"), Auditor("A2", "qa-2", manager: "W1"), Auditor("A3", "qa-3", capacity: 1), Auditor("W1", "csc-north", manager: "A1"),
        };
        var tasks = new[] { new AuditTaskNeed("t1", "C1", "csc", "csc-north", "W1"), new AuditTaskNeed("t2", "C2", "csc", "csc-north", "W1") };

        var result = AuditorAssigner.Assign(tasks, register, NoLoad);

        result.AuditorByTask.Should().ContainSingle().Which.Value.Should().Be("A3");
        var reasons = result.Unassigned.Values.Single().Candidates.ToDictionary(c => c.AuditorId, c => c.Reason);
        reasons["A1"].Should().Be("line-manages the case's worker (W1)");
        reasons["A2"].Should().Be("is line-managed by the case's worker (W1)");
        reasons["W1"].Should().StartWith("worked on the case");
        reasons["A3"].Should().StartWith("capacity used by other tasks in this round: 1 of 1 this month");
    }

    [Theory]
    [InlineData(ConflictSubject.Case, "C1")]
    [InlineData(ConflictSubject.Worker, "W1")]
    [InlineData(ConflictSubject.Team, "csc-north")]
    public void Assign_HonoursADeclaredConflict(ConflictSubject kind, string subject)
    {
        var tasks = new[] { new AuditTaskNeed("t1", "C1", "csc", "csc-north", "W1"), new AuditTaskNeed("t2", "C2", "csc", "csc-east", "W2") };
        var declared = new[] { new DeclaredConflict("A1", kind, subject, "her neighbour's child", "QA lead", DateTime.UnixEpoch) };

        var result = AuditorAssigner.Assign(tasks, [Auditor("A1", "qa")], NoLoad, declared);

        result.AuditorByTask.Should().Equal(new Dictionary<string, string> { ["t2"] = "A1" });
        result.Unassigned["t1"].Candidates.Single().Reason.Should().Be($"declared a conflict with {kind.ToString().ToLowerInvariant()} {subject}: her neighbour's child");
    }

    [Fact]
    public void Assign_GivesAnAgencysAuditToAnAuditorWithThatAgencysSkill_AndSaysWhenNobodyHasIt()
    {
        var tasks = new[] { new AuditTaskNeed("t1", "C1", "education", "csc-north", "W1"), new AuditTaskNeed("t2", "C1", "police", "csc-north", "W1") };
        var result = AuditorAssigner.Assign(tasks, [Auditor("A1", "qa", skills: "education"), Auditor("A2", "qa-2")], NoLoad);

        result.AuditorByTask.Should().Equal(new Dictionary<string, string> { ["t1"] = "A1" });
        result.Unassigned["t2"].Summary.Should().Be("No auditor belongs to police or has the 'police' skill.");
        result.Unassigned["t2"].Candidates.Should().OnlyContain(c => c.Rule == ExclusionRule.MissingSkill && c.Reason == "not in police and no 'police' skill");
    }

    [Fact]
    public void Assign_RequiresTheCyclesSkills()
    {
        var tasks = new[] { new AuditTaskNeed("t1", "C1", "csc", "csc-north", "W1", ["neglect"]) };
        var result = AuditorAssigner.Assign(tasks, [Auditor("A1", "qa"), Auditor("A2", "qa-2", skills: "Neglect")], NoLoad);
        result.AuditorByTask["t1"].Should().Be("A2");

        var none = AuditorAssigner.Assign(tasks, [Auditor("A1", "qa")], NoLoad);
        none.Unassigned["t1"].Candidates.Single().Reason.Should().Be("lacks the skill 'neglect' this cycle requires");
        none.Unassigned["t1"].Summary.Should().Contain("has every skill this cycle requires (neglect)");
    }

    [Fact]
    public void Assign_SpreadsWorkAndRespectsCapacity_SayingWhyTheRestWaitsAndWhoCouldTakeIt()
    {
        var tasks = Enumerable.Range(1, 5).Select(i => new AuditTaskNeed($"t{i}", $"C{i}", "csc", "csc-north", "W1")).ToList();
        var result = AuditorAssigner.Assign(tasks, [Auditor("A1", "csc-south", 2), Auditor("A2", "csc-east", 2), Auditor("A3", "csc-north", 2)], NoLoad);

        result.AuditorByTask.Values.GroupBy(a => a).Should().OnlyContain(g => g.Count() == 2);
        var why = result.Unassigned.Should().ContainSingle().Which.Value;
        why.Summary.Should().Be("No eligible auditor is free: of the 3 auditor(s) with the skills for it, 1 has a conflict of interest, "
            + "2 had the rest of their capacity taken by this round's other tasks. With more capacity this month it could go to: A1, A2.");
        why.CouldTakeIt.Should().Equal("A1", "A2");
        why.Candidates.Select(c => c.RuleName).Should().Equal("capacity-used-by-round", "capacity-used-by-round", "conflict");
    }

    [Fact]
    public void Assign_CountsWorkAlreadyTakenThisMonth()
    {
        var tasks = new[] { new AuditTaskNeed("t1", "C1", "csc", "csc-north", "W1") };
        var result = AuditorAssigner.Assign(tasks, [Auditor("A1", "csc-south", 3), Auditor("A2", "csc-east", 3)],
            new Dictionary<string, int> { ["A1"] = 2 });
        result.AuditorByTask["t1"].Should().Be("A2");

        var full = AuditorAssigner.Assign(tasks, [Auditor("A1", "csc-south", 2)], new Dictionary<string, int> { ["A1"] = 2 });
        full.Unassigned["t1"].Candidates.Single().Should().BeEquivalentTo(new { Rule = ExclusionRule.AtCapacity, Reason = "already at capacity: 2 of 2 this month" });
        full.Unassigned["t1"].Summary.Should().Be(
            "No eligible auditor is free: of the 1 auditor(s) with the skills for it, 1 was already at capacity this month. With more capacity this month it could go to: A1.");
    }
}
