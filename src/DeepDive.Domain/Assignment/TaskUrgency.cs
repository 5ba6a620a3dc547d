using DeepDive.Domain.Calendars;

namespace DeepDive.Domain.Assignment;

/// <summary>How pressing an open task is: past its due date, due within <see cref="TaskUrgencies.DueSoonWorkingDays"/> working days, or later.</summary>
public enum TaskUrgency
{
    Overdue,
    DueSoon,
    Later,
}

public static class TaskUrgencies
{
    /// <summary>A task due within this many working days is due soon.</summary>
    public const int DueSoonWorkingDays = 5;

    /// <summary>The urgency of a task due at <paramref name="dueUtc"/>, seen at <paramref name="nowUtc"/>, counting working days of <paramref name="calendar"/> in <paramref name="zone"/>.</summary>
    public static TaskUrgency Of(DateTime dueUtc, DateTime nowUtc, WorkingCalendar calendar, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (dueUtc < nowUtc)
        {
            return TaskUrgency.Overdue;
        }

        var soon = calendar.AddWorkingDays(new DateTimeOffset(nowUtc, TimeSpan.Zero), DueSoonWorkingDays, zone);
        return dueUtc <= soon.UtcDateTime ? TaskUrgency.DueSoon : TaskUrgency.Later;
    }
}
