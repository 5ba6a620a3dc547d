using System.Text.Json.Nodes;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;

namespace DeepDive.Engine.Tests.Cycles;

public sealed class ReAuditRuleFileTests
{
    [Fact]
    public void Parse_ReAuditRule_ReadsEverySetting()
    {
        var json = CycleJson.Valid(c => c["reAudit"] = JsonNode.Parse("""
            { "needsWork": ["inadequate"], "intervalMonths": 2, "originalAuditorMayReAudit": false,
              "sameAuditYear": true, "auditYearStartMonth": 9, "outsideYear": "skip" }
            """));

        CycleFile.Parse(json.ToJsonString(), CycleJson.FileName).ReAudit.Should().BeEquivalentTo(new ReAuditRule
        {
            NeedsWork = ["inadequate"], IntervalMonths = 2, OriginalAuditorMayReAudit = false, SameAuditYear = true, AuditYearStartMonth = 9, OutsideYear = "skip",
        });
    }

    [Fact]
    public void Parse_ReAuditRule_WithAnUnknownGradeOrPolicy_SaysWhere()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c => c["reAudit"] = JsonNode.Parse("""
            { "needsWork": ["requires-improvement", "poor"], "outsideYear": "next-year", "auditYearStartMonth": 13 }
            """)));

        errors.Select(e => e.Path).Should().Equal("$.reAudit.needsWork[1]", "$.reAudit.outsideYear", "$.reAudit.auditYearStartMonth");
    }

    [Fact]
    public void ReadStored_CycleSavedBeforeTheRuleGrew_GetsTheDefaults()
    {
        var json = CycleJson.Valid().ToJsonString();

        var rule = CycleFile.Parse(json, CycleJson.FileName).ReAudit;

        rule.NeedsWork.Should().Equal("requires-improvement", "inadequate");
        rule.OriginalAuditorMayReAudit.Should().BeTrue();
        rule.SameAuditYear.Should().BeFalse();
        CycleFile.Parse(CycleFile.Serialize(CycleFile.Parse(json, "a")), "b").ReAudit.Should().BeEquivalentTo(rule, "defaults are written out and read back");
    }
}
