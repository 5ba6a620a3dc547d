using Dapper;
using DeepDive.Domain.Calendars;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Calendars;

/// <summary>The bank holidays the scheduler uses, copied from the bank holidays file into the database (one list for every partnership).</summary>
public sealed class BankHolidayStore(Database database)
{
    private static long changes;

    /// <summary>How many times this process has changed the stored holidays, so that a calendar kept from them is read again (<see cref="CalendarStore"/>).</summary>
    public static long Changes => Interlocked.Read(ref changes);

    public sealed record LoadResult(string File, int Count, int FirstYear, int LastYear, bool Changed);

    private sealed class Row
    {
        public DateTime HolidayOn { get; set; }
        public string Title { get; set; } = "";
        public string Notes { get; set; } = "";
    }

    /// <summary>Reads the bank holidays file (<see cref="BankHolidayFile.DefaultPath"/> unless given) and makes the database hold exactly its holidays.</summary>
    public async Task<LoadResult> LoadFileAsync(string? path, CancellationToken cancellationToken)
    {
        path ??= BankHolidayFile.DefaultPath();
        var holidays = BankHolidayFile.Read(path);
        var changed = await ReplaceAsync(holidays, cancellationToken);
        return new LoadResult(path, holidays.Count,
            holidays.Count == 0 ? 0 : holidays.Min(h => h.Date.Year), holidays.Count == 0 ? 0 : holidays.Max(h => h.Date.Year), changed);
    }

    /// <summary>
    /// Replaces the stored holidays with <paramref name="holidays"/> in one transaction; writes nothing when they are already the same.
    /// Nodes started together on a new database all load the file at once: the rows go in as upserts, so a writer that finds
    /// another's uncommitted rows waits for them and then updates them instead of failing on the key.
    /// </summary>
    public async Task<bool> ReplaceAsync(IReadOnlyList<BankHoliday> holidays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        var stored = await ListAsync(cancellationToken);
        if (stored.OrderBy(h => h.Date).SequenceEqual(holidays.OrderBy(h => h.Date)))
        {
            return false;
        }

        var rows = holidays.Select(h => new
        {
            Division = BankHolidayFile.Division,
            HolidayOn = h.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            h.Title,
            h.Notes,
        }).ToList();
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM bank_holiday WHERE division = @Division",
                new { Division = BankHolidayFile.Division }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                database.Dialect.Upsert("bank_holiday", ["division", "holiday_on"], ["title", "notes"]),
                rows, transaction, cancellationToken: cancellationToken));
            return true;
        }, cancellationToken);
        Interlocked.Increment(ref changes);
        return true;
    }

    public async Task<IReadOnlyList<BankHoliday>> ListAsync(CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT holiday_on AS HolidayOn, title AS Title, notes AS Notes FROM bank_holiday WHERE division = @Division
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { Division = BankHolidayFile.Division }, cancellationToken: cancellationToken));
        return rows.Select(r => new BankHoliday(DateOnly.FromDateTime(r.HolidayOn), r.Title, r.Notes)).OrderBy(h => h.Date).ToList();
    }
}
