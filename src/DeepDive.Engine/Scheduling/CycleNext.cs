using System.Globalization;
using Dapper;
using DeepDive.Domain.Calendars;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Scheduling;

/// <summary>The coming rounds of a stored cycle on its partnership's calendar, as the scheduler will open them.</summary>
public sealed class CycleNext(Database database, TimeProvider clock)
{
    public sealed record Result(CycleDefinition Cycle, TimeZoneInfo Zone, IReadOnlyList<WorkingDayMove> Rounds, BankHolidayCoverage BankHolidays)
    {
        /// <summary>Null when the round's day (and the day it was moved from) was checked for bank holidays; else the warning naming the file to update.</summary>
        public string? BankHolidayWarning(WorkingDayMove round)
        {
            ArgumentNullException.ThrowIfNull(round);
            var opens = TimeZoneInfo.ConvertTime(round.At, Zone);
            var original = TimeZoneInfo.ConvertTime(round.Original, Zone);
            return BankHolidays.NotChecked($"The round opening {opens.ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture)}",
                DateOnly.FromDateTime(original.DateTime), DateOnly.FromDateTime(opens.DateTime));
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> rounds after <paramref name="after"/> (now when null), or null when there is no
    /// such cycle. Without <paramref name="after"/>, firings from before the cycle was added are left out.
    /// </summary>
    public async Task<Result?> ListAsync(string partnershipId, string cycleId, DateTimeOffset? after, int count, CancellationToken cancellationToken)
    {
        var cycle = await new CycleStore(database, clock).GetAsync(partnershipId, cycleId, cancellationToken);
        if (cycle is null)
        {
            return null;
        }

        var calendar = await new CalendarStore(database, clock).ForCycleAsync(partnershipId, cycle, cancellationToken);
        var from = after ?? clock.GetUtcNow();
        var since = from - CycleFirings.LongestMove;
        if (after is null)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var added = await connection.ExecuteScalarAsync<DateTime>(new CommandDefinition(
                "SELECT created_utc FROM cycle WHERE partnership_id = @PartnershipId AND cycle_id = @CycleId",
                new { PartnershipId = partnershipId, CycleId = cycleId }, cancellationToken: cancellationToken));
            var addedUtc = new DateTimeOffset(DateTime.SpecifyKind(added, DateTimeKind.Utc));
            if (addedUtc > since)
            {
                since = addedUtc;
            }
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(cycle.Schedule.TimeZone);
        var rounds = CycleFirings.Next(cycle, calendar, from, count, since);
        return new Result(cycle, zone, rounds, BankHolidayCoverage.Of(calendar));
    }
}
