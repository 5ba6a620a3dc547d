using System.Globalization;

namespace DeepDive.Domain.Notifications;

/// <summary>
/// When an open task is chased. Working days come from the partnership's calendar (weekends, bank holidays and,
/// where the cycle keeps them, school holidays), so a reminder "5 working days before" a deadline after a bank
/// holiday weekend goes a day earlier than the calendar would suggest, and never on a holiday.
/// </summary>
public static class TaskChaser
{
    /// <summary>
    /// Every occasion of a task with this deadline, in time order. Reminders that would fall before the task was
    /// opened are left out: a task given with three working days to go is not reminded "five days before".
    /// </summary>
    public static IReadOnlyList<ChaseOccasion> Occasions(ChasePolicy policy, DateTimeOffset opened, DateTimeOffset due, Func<DateOnly, bool> isWorkingDay, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(isWorkingDay);
        var sendAt = TimeOnly.ParseExact(policy.SendAt, "HH:mm", CultureInfo.InvariantCulture);
        var dueDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(due, zone).DateTime);
        var occasions = new List<ChaseOccasion>();
        foreach (var days in policy.RemindBeforeWorkingDays.Distinct())
        {
            var at = At(Step(dueDay, -days, isWorkingDay), sendAt, zone);
            if (at > opened && at < due)
            {
                occasions.Add(new ChaseOccasion(NotificationKinds.Reminder, days, at));
            }
        }

        foreach (var days in policy.EscalateAfterWorkingDays.Distinct())
        {
            occasions.Add(new ChaseOccasion(NotificationKinds.Escalation, days, At(Step(dueDay, days, isWorkingDay), sendAt, zone)));
        }

        return occasions.OrderBy(o => o.SendAt).ThenBy(o => o.Kind, StringComparer.Ordinal).ToList();
    }

    /// <summary>The working day <paramref name="days"/> working days after (or, when negative, before) <paramref name="day"/>.</summary>
    public static DateOnly Step(DateOnly day, int days, Func<DateOnly, bool> isWorkingDay)
    {
        var direction = Math.Sign(days);
        var left = Math.Abs(days);
        var current = day;
        var guard = 0;
        while (left > 0)
        {
            current = current.AddDays(direction);
            if (isWorkingDay(current))
            {
                left--;
            }

            if (++guard > 3660)
            {
                throw new InvalidOperationException($"No {Math.Abs(days)} working days found within ten years of {day:yyyy-MM-dd}: the calendar excludes every day.");
            }
        }

        return current;
    }

    private static DateTimeOffset At(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        // A time that does not exist on the day the clocks go forward is taken an hour later.
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
