using System.Text.Json.Nodes;
using DeepDive.Engine.Cycles;

namespace DeepDive.Engine.Tests.Cycles;

public sealed class CycleAssignmentRuleTests
{
    [Fact]
    public void Parse_RequiredSkills_AreKeptAndSurviveStorage()
    {
        var json = CycleJson.Valid(c => c["assignment"] = new JsonObject { ["requiredSkills"] = new JsonArray("exploitation") }).ToJsonString();

        var cycle = CycleFile.Parse(json, "c.json");

        cycle.Assignment.RequiredSkills.Should().Equal("exploitation");
        CycleFile.Parse(CycleFile.Serialize(cycle), "stored").Assignment.RequiredSkills.Should().Equal("exploitation");
    }

    [Fact]
    public void Parse_WithoutAssignment_RequiresNoSkill()
    {
        CycleFile.Parse(CycleJson.Valid().ToJsonString(), "c.json").Assignment.RequiredSkills.Should().BeEmpty();
    }

    [Fact]
    public void Parse_SkillWithASpace_IsRefusedAtItsPath()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c["assignment"] = new JsonObject { ["requiredSkills"] = new JsonArray("child exploitation") }));

        errors.Should().ContainSingle().Which.Path.Should().Be("$.assignment.requiredSkills[0]");
    }
}
