using DeepDive.Domain.Calendars;
using DeepDive.Domain.Cycles;
using Quartz;

namespace DeepDive.Engine.Scheduling;

/// <summary>
/// When a cycle's rounds open: each firing of its cron trigger, moved off a day that is not a working day to the same
/// local time on the next working day. The job that opens rounds and <c>deepdive cycle next</c> both ask this class.
/// </summary>
public static class CycleFirings
{
    /// <summary>How far back <see cref="Next"/> looks for firings already moved to a time still to come.</summary>
    public static readonly TimeSpan LongestMove = TimeSpan.FromDays(WorkingCalendar.LongestSearchDays + 1);

    private const int MostCandidates = 100_000;

    /// <summary>Where the firing of the cycle's trigger at <paramref name="firing"/> opens its round.</summary>
    public static WorkingDayMove Plan(CycleDefinition cycle, WorkingCalendar calendar, DateTimeOffset firing)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        ArgumentNullException.ThrowIfNull(calendar);
        return cycle.Schedule.WorkingDaysOnly
            ? calendar.MoveToWorkingDay(firing, TimeZoneInfo.FindSystemTimeZoneById(cycle.Schedule.TimeZone))
            : new WorkingDayMove(firing, firing, []);
    }

    /// <summary>
    /// The next <paramref name="count"/> rounds to open after <paramref name="after"/>, in the order they open, including
    /// firings since <paramref name="firingsSince"/> that were moved to a time after <paramref name="after"/>.
    /// </summary>
    public static IReadOnlyList<WorkingDayMove> Next(CycleDefinition cycle, WorkingCalendar calendar, DateTimeOffset after, int count, DateTimeOffset firingsSince)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0)
        {
            return [];
        }

        var from = firingsSince > after ? after : firingsSince;
        var planned = new List<WorkingDayMove>();
        var candidates = 0;
        foreach (var firing in Firings(cycle, from))
        {
            // A round opens no earlier than its firing, so once `count` rounds open before this firing, none can come earlier.
            if ((planned.Count >= count && planned[count - 1].At <= firing) || ++candidates > MostCandidates)
            {
                break;
            }

            var move = Plan(cycle, calendar, firing);
            if (move.At > after)
            {
                planned.Add(move);
                planned.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Original.CompareTo(b.Original));
            }
        }

        return planned.Take(count).ToList();
    }

    /// <summary>Every firing of the cycle's cron trigger after <paramref name="after"/>, in order, before any move (as <see cref="CycleScheduler"/> schedules it).</summary>
    public static IEnumerable<DateTimeOffset> Firings(CycleDefinition cycle, DateTimeOffset after)
    {
        ArgumentNullException.ThrowIfNull(cycle);
        var cron = new CronExpression(cycle.Schedule.ToCron(), TimeZoneInfo.FindSystemTimeZoneById(cycle.Schedule.TimeZone));
        var from = after;
        while (cron.GetNextValidTimeAfter(from) is { } next)
        {
            yield return next;
            from = next;
        }
    }
}
