using System.Data.Common;
using System.Globalization;
using Dapper;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Rounds;

/// <summary>
/// The round's start note (<c>audit_round.start_note</c>, shown by <c>cycle report</c>): how the round was opened, and
/// any warning a manager should see about it, such as days that were not checked for bank holidays.
/// </summary>
public static class RoundStartNote
{
    /// <summary>The two notes as one, either of them possibly missing.</summary>
    public static string? Join(string? note, string? more) =>
        string.IsNullOrEmpty(note) ? more : string.IsNullOrEmpty(more) ? note : $"{note}; {more}";

    /// <summary>
    /// The warning for a round of <paramref name="cycle"/> planned on the days from <paramref name="fromUtc"/> (the firing,
    /// before any move) to <paramref name="opensUtc"/>, when a day between them was not checked for bank holidays.
    /// </summary>
    public static async Task<string?> BankHolidayWarningAsync(Database database, CycleDefinition cycle, DateTime fromUtc, DateTime opensUtc,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(cycle.Schedule.TimeZone);
        DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        var opens = Local(opensUtc);
        var coverage = await BankHolidayCoverage.ReadAsync(database, cancellationToken);
        return coverage.NotChecked($"the day it opens, {opens.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture)},",
            DateOnly.FromDateTime(Local(fromUtc)), DateOnly.FromDateTime(opens));
    }

    /// <summary>Adds <paramref name="text"/> to the round's start note, unless the note already contains <paramref name="unlessItSays"/>.</summary>
    public static async Task AddAsync(DbConnection connection, DbTransaction? transaction, string roundId, string text, string unlessItSays,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var before = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT start_note FROM audit_round WHERE round_id = @RoundId", new { RoundId = roundId }, transaction, cancellationToken: cancellationToken));
        if (before is not null && before.Contains(unlessItSays, StringComparison.Ordinal))
        {
            return;
        }

        // Only over the note as it was read, so two deep dives of the round adding the same warning at once write it once.
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE audit_round SET start_note = @Note WHERE round_id = @RoundId AND COALESCE(start_note, '') = @Before",
            new { RoundId = roundId, Note = Join(before, text), Before = before ?? "" }, transaction, cancellationToken: cancellationToken));
    }
}
