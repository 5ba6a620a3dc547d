using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;

namespace DeepDive.Web.Tests.Cycles;

/// <summary>Cycles the tests add: valid for the demo register (its agencies and case types), with their own ids.</summary>
public static class TestCycles
{
    /// <summary>A cycle file's text: children's social care and police cases, drawn at random; a manager reviews the draw when <paramref name="review"/>.</summary>
    public static string Json(string id, bool review = true, int sampleSize = 4, int reserveSize = 3, string? requiredSkill = null)
    {
        var assignment = requiredSkill is null ? "" : $$""", "assignment": { "requiredSkills": ["{{requiredSkill}}"] }""";
        var lockBy = review ? "manager" : "auto";
        return $$"""
            {
              "id": "{{id}}",
              "name": "Test cycle {{id}}",
              "theme": "neglect",
              "priorityTags": ["neglect"],
              "schedule": { "months": [3, 9], "weekday": "monday", "time": "09:00", "timeZone": "Europe/London" },
              "population": { "agencies": ["csc", "police"], "openOnly": true },
              "exclusions": { "auditedWithinMonths": 0, "siblings": true },
              "sampleSize": {{sampleSize}},
              "reserveSize": {{reserveSize}},
              "sampling": { "method": "simple", "lock": "{{lockBy}}" },
              "taskDeadlineWorkingDays": 10{{assignment}}
            }
            """;
    }

    public static CycleDefinition Definition(string id, bool review = true, int sampleSize = 4, int reserveSize = 3, string? requiredSkill = null) =>
        CycleFile.Parse(Json(id, review, sampleSize, reserveSize, requiredSkill), id + ".json");

    /// <summary>The add form's fields that a new cycle needs on top of the form's defaults.</summary>
    public static Dictionary<string, string[]> Form(string id, string sampleSize = "5") => new()
    {
        ["Input.Id"] = [id],
        ["Input.Name"] = ["Test cycle " + id],
        ["Input.Theme"] = ["neglect"],
        ["Input.PriorityTags"] = ["neglect, exploitation"],
        ["Input.ScheduleType"] = ["months"],
        ["Input.Months"] = ["3", "9"],
        ["Input.Weekday"] = ["monday"],
        ["Input.Time"] = ["09:00"],
        ["Input.SampleSize"] = [sampleSize],
        ["Input.Agencies"] = ["csc, police"],
    };
}
