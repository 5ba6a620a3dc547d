using System.Text.Json.Nodes;
using DeepDive.Engine.Cycles;

namespace DeepDive.Engine.Tests.Cycles;

public sealed class ActionRuleFileTests
{
    [Fact]
    public void Parse_ActionsDueAfterMonths_IsReadAndDefaultsToThree()
    {
        var json = CycleJson.Valid(c => c["actions"] = JsonNode.Parse("""{ "dueAfterMonths": 6 }"""));

        CycleFile.Parse(json.ToJsonString(), CycleJson.FileName).Actions.DueAfterMonths.Should().Be(6);
        CycleFile.Parse(CycleJson.Valid().ToJsonString(), CycleJson.FileName).Actions.DueAfterMonths.Should().Be(3);
    }

    [Fact]
    public void Parse_ActionsDueAfterMonths_OutOfRangeOrUnknown_SaysWhere()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c["actions"] = JsonNode.Parse("""{ "dueAfterMonths": 0, "owner": "csc" }""")));

        errors.Select(e => e.Path).Should().BeEquivalentTo("$.actions.dueAfterMonths", "$.actions.owner");
    }

    [Fact]
    public void A_stored_copy_keeps_the_rule()
    {
        var cycle = CycleFile.Parse(CycleJson.Valid(c => c["actions"] = JsonNode.Parse("""{ "dueAfterMonths": 2 }""")).ToJsonString(), CycleJson.FileName);

        CycleFile.ReadStored(CycleFile.Serialize(cycle)).Actions.DueAfterMonths.Should().Be(2);
    }
}
