using System.Text.Json.Nodes;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;

namespace DeepDive.Engine.Tests.Cycles;

public sealed class PopulationRulesTests
{
    private static JsonObject Population(JsonObject cycle) => cycle["population"]!.AsObject();

    [Fact]
    public void Parse_EveryFilterFieldAndExclusion_ReadsIntoTheCycle()
    {
        var json = CycleJson.Valid(c =>
        {
            c["population"] = JsonNode.Parse("""
                { "agencies": ["csc"], "teams": ["north"], "schools": ["SCH-1"], "ageBands": ["5-9", "10-15"], "tags": ["neglect"],
                  "openOnly": false, "openedFrom": "2026-01-01", "openedTo": "2026-12-31", "closedFrom": "2026-06-01", "closedTo": "2027-01-31" }
                """);
            c["exclusions"] = JsonNode.Parse("""
                { "auditedWithinMonths": 6, "closedMoreThanMonths": 9, "siblings": false,
                  "rules": [{ "name": "Care proceedings", "caseTypes": ["court-proceedings"], "tags": ["proceedings"] }] }
                """);
            c["sampling"] = JsonNode.Parse("""{ "method": "stratified", "stratifyBy": "age-band", "lock": "manager" }""");
        });

        var cycle = CycleFile.Parse(json.ToJsonString(), CycleJson.FileName);

        cycle.Population.Should().BeEquivalentTo(new PopulationFilter
        {
            Agencies = ["csc"], Teams = ["north"], Schools = ["SCH-1"], AgeBands = ["5-9", "10-15"], Tags = ["neglect"], OpenOnly = false,
            OpenedFrom = new DateOnly(2026, 1, 1), OpenedTo = new DateOnly(2026, 12, 31), ClosedFrom = new DateOnly(2026, 6, 1), ClosedTo = new DateOnly(2027, 1, 31),
        });
        cycle.Exclusions.Should().BeEquivalentTo(new SampleExclusions
        {
            AuditedWithinMonths = 6, ClosedMoreThanMonths = 9, Siblings = false,
            Rules = [new ExclusionRule { Name = "Care proceedings", CaseTypes = ["court-proceedings"], Tags = ["proceedings"] }],
        });
        cycle.Sampling.Lock.Should().Be(SampleDesign.ManagerLock);
        CycleFile.Parse(CycleFile.Serialize(cycle), "stored.json").Should().BeEquivalentTo(cycle, "a stored copy reads back the same");
    }

    [Fact]
    public void Parse_WithoutExclusions_AppliesTheDefaults_TwelveMonthsAndOneCasePerFamily()
    {
        var cycle = CycleFile.Parse(CycleJson.Valid().ToJsonString(), CycleJson.FileName);

        cycle.Exclusions.AuditedWithinMonths.Should().Be(12);
        cycle.Exclusions.Siblings.Should().BeTrue();
        cycle.Sampling.Lock.Should().Be(SampleDesign.AutoLock);
    }

    [Fact]
    public void Parse_FilterOnAnUnknownField_IsRefused_WithItsPathAndTheFieldsThereAre()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c =>
        {
            Population(c)["region"] = "north";
            Population(c)["team"] = JsonNode.Parse("""["north"]""");
            c["exclusions"] = JsonNode.Parse("""{ "rules": [{ "name": "x", "worker": ["W1"] }] }""");
        }));

        errors.Should().Equal(
            new CycleFileError("$.population.region", "unknown property 'region'; allowed here: agencies, caseTypes, teams, schools, ageBands, tags, openOnly, openedFrom, openedTo, closedFrom, closedTo, closedWithinMonths, requireSchool"),
            new CycleFileError("$.population.team", "unknown property 'team' (did you mean 'teams'?)"),
            new CycleFileError("$.exclusions.rules[0]", "a rule needs at least one of agencies, caseTypes, teams, schools, ageBands or tags"),
            new CycleFileError("$.exclusions.rules[0].worker", "unknown property 'worker'; allowed here: name, agencies, caseTypes, teams, schools, ageBands, tags"));
    }

    [Fact]
    public void Parse_BadDatesBandsTagsAndRules_AreEachRefusedWhereTheyAre()
    {
        var errors = CycleJson.ErrorsOf(CycleJson.Valid(c =>
        {
            c["population"] = JsonNode.Parse("""
                { "ageBands": ["11-15"], "tags": ["Neglect"], "openedFrom": "2026-02-30", "openedTo": "01/02/2026",
                  "closedFrom": "2026-06-01", "closedTo": "2026-05-01", "teams": [" "] }
                """);
            c["exclusions"] = JsonNode.Parse("""
                { "auditedWithinMonths": -1, "rules": [{ "name": "Proceedings", "caseTypes": ["x"] }, { "name": "proceedings", "teams": ["y"] }] }
                """);
        }));

        errors.Should().BeEquivalentTo(new[]
        {
            new CycleFileError("$.population.ageBands[0]", "'11-15' is not one of: unborn, under-1, 1-4, 5-9, 10-15, 16-plus"),
            new CycleFileError("$.population.tags[0]", "'Neglect' is not valid here: expected a tag: lowercase letters, digits and single hyphens, e.g. neglect"),
            new CycleFileError("$.population.openedFrom", "'2026-02-30' is not a day of the calendar"),
            new CycleFileError("$.population.openedTo", "'01/02/2026' is not valid here: expected a date yyyy-MM-dd, e.g. 2027-01-31"),
            new CycleFileError("$.population.closedTo", "2026-05-01 is before closedFrom 2026-06-01"),
            new CycleFileError("$.population.closedFrom", "'closedFrom' is about closed cases, but the population has open cases only; set \"openOnly\": false to include closed cases"),
            new CycleFileError("$.population.closedTo", "'closedTo' is about closed cases, but the population has open cases only; set \"openOnly\": false to include closed cases"),
            new CycleFileError("$.population.teams[0]", "a team must not be empty"),
            new CycleFileError("$.exclusions.auditedWithinMonths", "value -1 is below the minimum of 0"),
            new CycleFileError("$.exclusions.rules[1].name", "'proceedings' is also the name of rule [0]; each rule needs its own name for the report"),
        });
    }

    [Fact]
    public void Parse_NegativeSampleSize_IsRefused_WithItsPath()
    {
        CycleJson.ErrorsOf(CycleJson.Valid(c => c["sampleSize"] = -3))
            .Should().Equal(new CycleFileError("$.sampleSize", "value -3 is below the minimum of 1"));
    }
}
