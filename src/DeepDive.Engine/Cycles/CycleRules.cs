using System.Text.Json;
using Quartz;

namespace DeepDive.Engine.Cycles;

/// <summary>The checks a JSON schema cannot make: a cron Quartz accepts, a time zone this machine knows, no blank names.</summary>
internal static class CycleRules
{
    /// <summary>A property renamed when its meaning changed; the schema's "unknown property" gives way to the explanation here.</summary>
    public const string RenamedDeadline = "taskDeadlineDays";

    public static IEnumerable<CycleFileError> Check(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (root.TryGetProperty(RenamedDeadline, out _))
        {
            yield return new CycleFileError(JsonPaths.Property(JsonPaths.Root, RenamedDeadline),
                "deadlines are now counted in working days: use 'taskDeadlineWorkingDays' (e.g. 15 for three weeks, 5 for a rapid audit)");
        }

        if (root.TryGetProperty("schedule", out var schedule) && schedule.ValueKind == JsonValueKind.Object)
        {
            foreach (var error in CheckSchedule(schedule, JsonPaths.Property(JsonPaths.Root, "schedule")))
            {
                yield return error;
            }
        }

        if (root.TryGetProperty("sampling", out var sampling) && sampling.ValueKind == JsonValueKind.Object
            && sampling.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String
            && method.GetString() == "stratified" && !sampling.TryGetProperty("stratifyBy", out _))
        {
            yield return new CycleFileError(JsonPaths.Property(JsonPaths.Root, "sampling"),
                "a stratified sample needs 'stratifyBy': agency, case-type, team, school or age-band");
        }

        if (root.TryGetProperty("population", out var population) && population.ValueKind == JsonValueKind.Object)
        {
            foreach (var error in PopulationRules.Check(root, population, JsonPaths.Property(JsonPaths.Root, "population")))
            {
                yield return error;
            }
        }

        if (root.TryGetProperty("exclusions", out var exclusions) && exclusions.ValueKind == JsonValueKind.Object)
        {
            foreach (var error in PopulationRules.CheckExclusions(root, exclusions, JsonPaths.Property(JsonPaths.Root, "exclusions")))
            {
                yield return error;
            }
        }
    }

    private static IEnumerable<CycleFileError> CheckSchedule(JsonElement schedule, string path)
    {
        if (schedule.TryGetProperty("workingDaysOnly", out var workingDaysOnly) && workingDaysOnly.ValueKind == JsonValueKind.False
            && schedule.TryGetProperty("avoidSchoolHolidays", out var avoid) && avoid.ValueKind == JsonValueKind.True)
        {
            yield return new CycleFileError(JsonPaths.Property(path, "avoidSchoolHolidays"),
                "a schedule that fires on any day ('workingDaysOnly': false) cannot avoid school holidays");
        }

        if (schedule.TryGetProperty("cron", out var cron) && cron.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(cron.GetString()))
        {
            if (CronProblem(cron.GetString()!.Trim()) is { } problem)
            {
                yield return new CycleFileError(JsonPaths.Property(path, "cron"), $"not a valid Quartz cron expression: {problem}");
            }

            // A cron expression names its own days and time; a weekday or time beside it would be silently ignored.
            foreach (var ignored in new[] { "weekday", "time" }.Where(n => schedule.TryGetProperty(n, out _)))
            {
                yield return new CycleFileError(JsonPaths.Property(path, ignored), $"'{ignored}' goes with 'months'; with 'cron' the cron expression sets the day and time");
            }
        }

        if (schedule.TryGetProperty("timeZone", out var zone) && zone.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(zone.GetString()))
        {
            if (ZoneProblem(zone.GetString()!) is { } problem)
            {
                yield return new CycleFileError(JsonPaths.Property(path, "timeZone"), problem);
            }
        }
    }

    private static string? CronProblem(string cron)
    {
        try
        {
            _ = new CronExpression(cron);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }

    private static string? ZoneProblem(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id).HasIanaId
                ? null
                : $"'{id}' is not an IANA time zone name; use one such as Europe/London";
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return $"unknown time zone '{id}'; use an IANA name such as Europe/London";
        }
    }
}
