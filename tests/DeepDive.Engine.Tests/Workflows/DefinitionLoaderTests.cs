using DeepDive.Engine.Workflows.Definitions;

namespace DeepDive.Engine.Tests.Workflows;

public sealed class DefinitionLoaderTests
{
    [Fact]
    public void ShippedDefinitions_Load()
    {
        var definitions = DefinitionLoader.Load(DefinitionLoader.Embedded());
        definitions.Select(d => d.Id).Should().BeEquivalentTo(["audit-round", "deep-dive", "re-audit"]);
        definitions.Should().OnlyContain(d => d.Steps.Count > 3);
    }

    [Fact]
    public void UnknownStep_IsRefused_WithFilePathAndReason()
    {
        const string json = """
            { "id": "x", "version": 1, "data": "deep-dive", "steps": [ { "step": "open-agency-tasks" }, { "step": "grade-it" } ] }
            """;
        var act = () => DefinitionLoader.Load([new DefinitionLoader.Source("workflows/x.json", json)]);
        act.Should().Throw<DefinitionException>().Which.Errors.Should().ContainSingle()
            .Which.ToString().Should().Be("workflows/x.json: $.steps[1].step: unknown step 'grade-it'; known: " + string.Join(", ",
                new[] { "sequence", "if", "while", "for-each", "parallel", "wait-for-event", "human-task" }.Concat(StepVocabulary.DomainSteps.Keys)));
    }

    [Fact]
    public void UnknownCondition_IsRefused_WithItsPath()
    {
        const string json = """
            { "id": "x", "version": 1, "data": "deep-dive", "steps": [ { "step": "if", "condition": "always", "then": [ { "step": "grade" } ] } ] }
            """;
        var act = () => DefinitionLoader.Load([new DefinitionLoader.Source("x.json", json)]);
        act.Should().Throw<DefinitionException>().Which.Errors.Single().Path.Should().Be("$.steps[0].condition");
    }

    [Fact]
    public void SchemaViolation_IsRefused_WithTheInstancePath()
    {
        const string json = """
            { "id": "x", "version": 1, "data": "deep-dive", "steps": [ { "step": "for-each", "do": [] } ] }
            """;
        var act = () => DefinitionLoader.Load([new DefinitionLoader.Source("x.json", json)]);
        act.Should().Throw<DefinitionException>().Which.Errors.Should().Contain(e => e.Path.StartsWith("$.steps[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void MalformedJson_IsRefused()
    {
        var act = () => DefinitionLoader.Load([new DefinitionLoader.Source("x.json", "{ \"id\": ")]);
        act.Should().Throw<DefinitionException>().Which.Errors.Single().Reason.Should().StartWith("not valid JSON");
    }

    [Fact]
    public void SameIdAndVersionTwice_IsRefused()
    {
        var source = DefinitionLoader.Embedded().Single(s => s.File.EndsWith("deep-dive.json", StringComparison.Ordinal));
        var act = () => DefinitionLoader.Load([source, source with { File = "copy.json" }]);
        act.Should().Throw<DefinitionException>().WithMessage("*version 1 is defined more than once*");
    }
}
