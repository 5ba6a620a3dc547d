namespace DeepDive.Domain.Cycles;

/// <summary>
/// Counts working days as Monday to Friday. A stand-in until the working-day calendar (bank holidays) lands:
/// callers go through <see cref="Add"/> only, so swapping in the calendar changes this one file.
/// </summary>
public static class Weekdays
{
    /// <summary>The day <paramref name="days"/> working days after <paramref name="start"/> (which itself does not count).</summary>
    public static DateOnly Add(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = start;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                days--;
            }
        }

        return day;
    }

    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
}
