using System.Text.Json.Nodes;
using DeepDive.Engine.Cycles;

namespace DeepDive.Engine.Tests.Cycles;

/// <summary>Builds cycle files for tests: a valid one to start from, and the errors a changed one gives.</summary>
internal static class CycleJson
{
    public const string FileName = "cycles/neglect-2027.json";

    public static JsonObject Valid() => JsonNode.Parse(
        """
        {
          "id": "neglect-2027", "name": "Neglect: multi-agency deep dive", "theme": "neglect", "priorityTags": ["neglect"],
          "schedule": { "months": [3, 9], "weekday": "monday", "time": "09:00", "timeZone": "Europe/London" },
          "population": { "agencies": ["csc"], "caseTypes": ["child-in-need", "child-protection"], "openOnly": true },
          "sampleSize": 10, "reserveSize": 3, "auditTool": "multi-agency-deep-dive", "auditToolVersion": 1,
          "education": false, "taskDeadlineWorkingDays": 15, "reAudit": { "intervalMonths": 3 }
        }
        """)!.AsObject();

    public static JsonObject Valid(Action<JsonObject> change)
    {
        var json = Valid();
        change(json);
        return json;
    }

    public static JsonObject Schedule(this JsonObject cycle) => cycle["schedule"]!.AsObject();

    public static IReadOnlyList<CycleFileError> ErrorsOf(string json)
    {
        try
        {
            CycleFile.Parse(json, FileName);
        }
        catch (CycleFileException e)
        {
            e.FileName.Should().Be(FileName);
            return e.Errors;
        }

        throw new Xunit.Sdk.XunitException("Expected the file to be refused, but it parsed.");
    }

    public static IReadOnlyList<CycleFileError> ErrorsOf(JsonObject json) => ErrorsOf(json.ToJsonString());

    /// <summary>The repository's folder, found from the test binaries, for tests that read files kept in it.</summary>
    public static string RepositoryFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "DeepDive.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("No DeepDive.sln above " + AppContext.BaseDirectory);
    }
}
