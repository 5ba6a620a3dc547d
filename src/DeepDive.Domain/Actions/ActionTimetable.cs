using DeepDive.Domain.Calendars;

namespace DeepDive.Domain.Actions;

/// <summary>
/// When actions are followed up, at 08:00 UK time on working days: an overdue action with no recovery plan turns red
/// (and is escalated) on the first working day after its due date; owners are asked for an update on the first working
/// day of each month.
/// </summary>
public static class ActionTimetable
{
    public static readonly TimeOnly SendAt = new(8, 0);

    /// <summary>The instant an action due on <paramref name="due"/> becomes overdue: 08:00 on the first working day after it.</summary>
    public static DateTimeOffset OverdueFrom(DateOnly due, WorkingCalendar calendar, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return LocalTime.At(calendar.NextWorkingDay(due), SendAt, zone);
    }

    /// <summary>Whether an action turns red now: not complete and not red already, no recovery plan, and overdue.</summary>
    public static bool TurnsRed(RagStatus status, bool hasRecoveryPlan, DateTimeOffset overdueFrom, DateTimeOffset now) =>
        status is RagStatus.Amber or RagStatus.Green && !hasRecoveryPlan && now >= overdueFrom;

    /// <summary>When the owners of the month's open actions are asked for an update: 08:00 on its first working day.</summary>
    public static DateTimeOffset UpdateRequestsOf(int year, int month, WorkingCalendar calendar, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return LocalTime.At(calendar.WorkingDayOnOrAfter(new DateOnly(year, month, 1), out _), SendAt, zone);
    }

    /// <summary>The latest monthly update requests due at or before <paramref name="now"/>.</summary>
    public static DateTimeOffset LatestUpdateRequests(DateTimeOffset now, WorkingCalendar calendar, TimeZoneInfo zone)
    {
        var month = MonthOf(now, zone);
        var thisMonth = UpdateRequestsOf(month.Year, month.Month, calendar, zone);
        if (thisMonth <= now)
        {
            return thisMonth;
        }

        var previous = month.AddMonths(-1);
        return UpdateRequestsOf(previous.Year, previous.Month, calendar, zone);
    }

    /// <summary>The next monthly update requests after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextUpdateRequests(DateTimeOffset now, WorkingCalendar calendar, TimeZoneInfo zone)
    {
        var month = MonthOf(now, zone);
        var thisMonth = UpdateRequestsOf(month.Year, month.Month, calendar, zone);
        if (thisMonth > now)
        {
            return thisMonth;
        }

        var next = month.AddMonths(1);
        return UpdateRequestsOf(next.Year, next.Month, calendar, zone);
    }

    private static DateOnly MonthOf(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return new DateOnly(local.Year, local.Month, 1);
    }
}
