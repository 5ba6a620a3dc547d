using System.Data.Common;
using System.Globalization;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Status;
using DeepDive.Engine.Storage;

namespace DeepDive.Cli.Commands;

/// <summary>Warnings that <c>deepdive status</c> reports beside the engine's state: firings in years the bank holidays do not cover.</summary>
internal static class StatusWarnings
{
    public static async Task<IReadOnlyList<string>> ReadAsync(Database database, EngineStatus status, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (status.Database.ScriptsApplied == 0)
        {
            return [];
        }

        BankHolidayCoverage coverage;
        try
        {
            coverage = await BankHolidayCoverage.ReadAsync(database, cancellationToken);
        }
        catch (DbException e)
        {
            return [$"bank holidays: cannot be read: {e.Message}"];
        }

        var warnings = new List<string>();
        foreach (var firing in status.Scheduler?.NextFirings ?? [])
        {
            var day = DateOnly.FromDateTime(firing.NextFireUtc);
            var subject = $"The {firing.Job} due {firing.NextFireUtc.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)}";
            if (coverage.NotChecked(subject, day, day) is { } warning)
            {
                warnings.Add(warning);
            }
        }

        // Deadlines run weeks past a firing: say so a year ahead, before the first one is counted without bank holidays.
        var nextYear = clock.GetUtcNow().Year + 1;
        if (warnings.Count == 0 && coverage.NotChecked($"Next year ({nextYear})", new DateOnly(nextYear, 1, 1), new DateOnly(nextYear, 12, 31)) is { } ahead)
        {
            warnings.Add(ahead);
        }

        return warnings;
    }
}
