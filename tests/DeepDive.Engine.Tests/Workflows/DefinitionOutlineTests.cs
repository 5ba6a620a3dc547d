using DeepDive.Engine.Workflows.Definitions;

namespace DeepDive.Engine.Tests.Workflows;

public sealed class DefinitionOutlineTests
{
    private static readonly IReadOnlyList<DefinitionOutline> Shipped = DefinitionOutline.Load(DefinitionLoader.Embedded());

    [Fact]
    public void ShippedAuditRound_ReadsAsANumberedOutline()
    {
        var outline = DefinitionOutline.Find(Shipped, "audit-round");

        outline.Lines().Should().Equal(
            "1. draw-sample",
            "2. if round-has-cases",
            "   2.1 assign-auditors",
            "   2.2 start-deep-dives",
            "   2.3 for-each deep-dives (parallel) \"wait for every deep dive\"",
            "       2.3.1 wait-for-event deep-dive-closed, key item",
            "   2.4 summarise-round",
            "   2.5 if round-needs-work",
            "       2.5.1 schedule-re-audit",
            "3. close-round");
        outline.StepCount.Should().Be(10);
        (outline.File, outline.Version).Should().Be(("workflows/audit-round.json", 1));
    }

    [Fact]
    public void ShippedDefinitions_AreListedByIdWithTheirFiles()
    {
        Shipped.Select(o => $"{o.Id} v{o.Version} {o.File}").Should().Equal(
            "audit-round v1 workflows/audit-round.json",
            "deep-dive v1 workflows/deep-dive.json",
            "re-audit v1 workflows/re-audit.json");
    }

    [Fact]
    public void ParallelBranchesAndHumanTasks_AreNumberedUnderTheirStep()
    {
        const string json = """
            { "id": "x", "version": 1, "data": "deep-dive", "steps": [
              { "step": "parallel", "branches": [ [ { "step": "grade" } ], [ { "step": "close-deep-dive" } ] ] },
              { "step": "for-each", "collection": "tasks", "parallel": false, "do": [ { "step": "human-task", "key": "item" } ] } ] }
            """;

        var outline = DefinitionOutline.Load([new DefinitionLoader.Source("x.json", json)]).Single();

        outline.Lines().Should().Equal(
            "1. parallel",
            "   1.1 branch 1",
            "       1.1.1 grade",
            "   1.2 branch 2",
            "       1.2.1 close-deep-dive",
            "2. for-each tasks (sequential)",
            "   2.1 human-task task-submitted, key item");
        outline.StepCount.Should().Be(5, "branches group steps but are not steps");
    }

    [Fact]
    public void Find_WithoutVersion_TakesTheLatest()
    {
        var v1 = Shipped.Single(o => o.Id == "deep-dive");
        var outlines = Shipped.Append(v1 with { Version = 3, File = "deep-dive.v3.json" }).Append(v1 with { Version = 2 }).ToList();

        DefinitionOutline.Find(outlines, "deep-dive").Version.Should().Be(3);
        DefinitionOutline.Find(outlines, "deep-dive", 2).Version.Should().Be(2);
    }

    [Fact]
    public void Find_UnknownIdOrVersion_SaysWhatThereIs()
    {
        var unknownId = () => DefinitionOutline.Find(Shipped, "deep-sea");
        var unknownVersion = () => DefinitionOutline.Find(Shipped, "deep-dive", 4);

        unknownId.Should().Throw<ArgumentException>().WithMessage("There is no workflow definition 'deep-sea'; known: audit-round, deep-dive, re-audit.");
        unknownVersion.Should().Throw<ArgumentException>().WithMessage("The workflow definition 'deep-dive' has no version 4; versions: 1.");
    }

    [Fact]
    public void BrokenSource_IsRefusedBeforeOutlining()
    {
        const string json = """{ "id": "x", "version": 1, "data": "deep-dive", "steps": [ { "step": "for-each", "do": [] } ] }""";

        var act = () => DefinitionOutline.Load([new DefinitionLoader.Source("workflows/x.json", json)]);

        act.Should().Throw<DefinitionException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Match<DefinitionError>(e => e.File == "workflows/x.json" && e.Path == "$.steps[0]" && e.Reason.Contains("collection"));
    }
}
