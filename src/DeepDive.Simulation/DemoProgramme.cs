using DeepDive.Domain.Cycles;

namespace DeepDive.Simulation;

/// <summary>A typical year: four themed multi-agency audits, each twice, and the annual Safeguarding in Education audit, whose draw a manager reviews.</summary>
public static class DemoProgramme
{
    public static IReadOnlyList<CycleDefinition> Cycles() =>
    [
        Themed("neglect", "Neglect: multi-agency deep dive", "neglect", [1, 7], ["csc", "early-help", "health"], null),
        Themed("exploitation", "Child exploitation: multi-agency deep dive", "violence-and-vulnerability", [2, 8], ["police", "youth-justice", "csc"], null),
        Themed("domestic-abuse", "Domestic abuse: multi-agency deep dive", "violence-and-vulnerability", [3, 9], ["police", "csc", "health"], null),
        Themed("participation", "Voice of the child: multi-agency deep dive", "participation-and-engagement", [4, 10], null, null),
        new CycleDefinition
        {
            Id = "education-s175",
            Name = "Safeguarding in Education (section 175/157) audit",
            Theme = "safeguarding-in-education",
            PriorityTags = ["participation-and-engagement"],
            Schedule = new CycleSchedule { Months = [5], Weekday = "tuesday" },
            Population = new PopulationFilter { RequireSchool = true },
            SampleSize = 15,
            ReserveSize = 5,
            // The QA manager reviews this draw before it is locked (schools' cases change as pupils move).
            Sampling = new SampleDesign { Lock = SampleDesign.ManagerLock },
            AuditTool = "section-175-deep-dive",
            Education = true,
            TaskDeadlineWorkingDays = 15,
        },
    ];

    private static CycleDefinition Themed(string id, string name, string theme, int[] months, string[]? agencies, string[]? caseTypes) => new()
    {
        Id = id,
        Name = name,
        Theme = theme,
        PriorityTags = [theme],
        Schedule = new CycleSchedule { Months = months },
        Population = new PopulationFilter { Agencies = agencies, CaseTypes = caseTypes },
        SampleSize = 10,
        ReserveSize = 3,
        TaskDeadlineWorkingDays = 15,
        ReAudit = new ReAuditRule { IntervalMonths = 3 },
    };
}
