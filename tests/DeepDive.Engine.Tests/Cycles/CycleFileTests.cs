using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;

namespace DeepDive.Engine.Tests.Cycles;

public sealed class CycleFileTests
{
    private static readonly CycleDefinition Neglect = new()
    {
        Id = "neglect-2027",
        Name = "Neglect: multi-agency deep dive",
        Theme = "neglect",
        PriorityTags = ["neglect"],
        Schedule = new CycleSchedule { Months = [3, 9], Weekday = "monday", Time = "09:00", TimeZone = "Europe/London" },
        Population = new PopulationFilter { Agencies = ["csc"], CaseTypes = ["child-in-need", "child-protection"], OpenOnly = true },
        SampleSize = 10,
        ReserveSize = 3,
        AuditTool = "multi-agency-deep-dive",
        AuditToolVersion = 1,
        Education = false,
        TaskDeadlineWorkingDays = 15,
        ReAudit = new ReAuditRule { IntervalMonths = 3 },
    };

    [Fact]
    public void Parse_ValidFile_GivesTheDefinitionItDescribes()
    {
        var cycle = CycleFile.Parse(CycleJson.Valid().ToJsonString(), CycleJson.FileName);

        cycle.Should().BeEquivalentTo(Neglect, o => o.RespectingRuntimeTypes());
        cycle.Schedule.ToCron().Should().Be("0 0 9 ? 3,9 MON#1");
    }

    [Fact]
    public void Parse_OnlyRequiredProperties_FillsTheDefaults()
    {
        var cycle = CycleFile.Parse(
            """{ "id": "general", "name": "General audit", "theme": "general", "schedule": { "months": [6] }, "sampleSize": 8 }""",
            "general.json");

        cycle.Should().BeEquivalentTo(new CycleDefinition
        {
            Id = "general",
            Name = "General audit",
            Theme = "general",
            Schedule = new CycleSchedule { Months = [6] },
            SampleSize = 8,
        });
        cycle.Schedule.TimeZone.Should().Be("Europe/London");
        cycle.ReserveSize.Should().Be(3);
        cycle.Population.Agencies.Should().BeNull();
    }

    [Fact]
    public void Parse_CronSchedule_KeepsTheExpression()
    {
        var json = CycleJson.Valid(c => c["schedule"] = new System.Text.Json.Nodes.JsonObject { ["cron"] = "0 0 9 ? MAR,SEP MON#1" });

        var cycle = CycleFile.Parse(json.ToJsonString(), CycleJson.FileName);

        cycle.Schedule.Cron.Should().Be("0 0 9 ? MAR,SEP MON#1");
        cycle.Schedule.Months.Should().BeNull();
        cycle.Schedule.ToCron().Should().Be("0 0 9 ? MAR,SEP MON#1");
    }

    [Fact]
    public void Parse_CommentsTrailingCommasAndSchemaReference_AreAccepted()
    {
        var cycle = CycleFile.Parse(
            """
            {
              "$schema": "../../src/DeepDive.Engine/Cycles/cycle.schema.json",
              // the annual general audit
              "id": "general", "name": "General audit", "theme": "general",
              "schedule": { "months": [6], },
              "sampleSize": 8,
            }
            """,
            "general.json");

        cycle.Id.Should().Be("general");
    }

    [Fact]
    public void Serialize_ThenParse_GivesAnEquivalentDefinition()
    {
        var json = CycleFile.Serialize(Neglect);

        CycleFile.Parse(json, "round-trip.json").Should().BeEquivalentTo(Neglect, o => o.RespectingRuntimeTypes());
    }

    [Fact]
    public void Serialize_CronScheduleWithEveryOption_ReadsBackEquivalent()
    {
        var cycle = Neglect with
        {
            Schedule = new CycleSchedule { Cron = "0 30 8 ? JAN,MAY,SEP WED#2", TimeZone = "Europe/Dublin" },
            Population = new PopulationFilter { CaseTypes = ["child-in-care"], OpenOnly = false, ClosedWithinMonths = 6, RequireSchool = true },
            Education = true,
        };

        var json = CycleFile.Serialize(cycle);

        CycleFile.Parse(json, "round-trip.json").Should().BeEquivalentTo(cycle, o => o.RespectingRuntimeTypes());
        json.Should().NotContain("weekday").And.NotContain("\"agencies\"");
    }

    [Fact]
    public void Serialize_WritesCamelCaseProperties()
    {
        var json = CycleFile.Serialize(Neglect);

        json.Should().Contain("\"sampleSize\": 10").And.Contain("\"timeZone\": \"Europe/London\"").And.Contain("\"intervalMonths\": 3")
            .And.NotContain("SampleSize");
    }

    public static TheoryData<string> Examples() =>
        new(Directory.GetFiles(Path.Combine(CycleJson.RepositoryFolder(), "examples", "cycles"), "*.json").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Examples_AreValidCycleFiles(string fileName)
    {
        var path = Path.Combine(CycleJson.RepositoryFolder(), "examples", "cycles", fileName);

        var cycle = CycleFile.Parse(File.ReadAllText(path), fileName);

        new Quartz.CronExpression(cycle.Schedule.ToCron()).Should().NotBeNull();
    }

    [Fact]
    public void Examples_IncludeAMonthsScheduleACronScheduleAndAnEducationCycle()
    {
        var cycles = Directory.GetFiles(Path.Combine(CycleJson.RepositoryFolder(), "examples", "cycles"), "*.json")
            .Select(f => CycleFile.Parse(File.ReadAllText(f), f))
            .ToList();

        cycles.Should().Contain(c => c.Schedule.Months != null)
            .And.Contain(c => c.Schedule.Cron != null)
            .And.Contain(c => c.Education);
    }
}
