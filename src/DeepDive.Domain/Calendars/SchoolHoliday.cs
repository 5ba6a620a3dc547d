namespace DeepDive.Domain.Calendars;

/// <summary>The days between two school terms, first and last day inclusive, named the way schools in England name them.</summary>
public sealed record SchoolHoliday(DateOnly Starts, DateOnly Ends, string Name)
{
    /// <summary>A gap longer than this between two terms is missing data (a year not imported), not a holiday.</summary>
    public const int LongestDays = 63;

    public string Reason => $"school holiday: {Name}";

    public bool Contains(DateOnly date) => date >= Starts && date <= Ends;

    /// <summary>
    /// The holidays between consecutive terms. A gap of a weekend only is no holiday, and a gap longer than
    /// <see cref="LongestDays"/> is taken as a year whose terms were not imported.
    /// </summary>
    public static IReadOnlyList<SchoolHoliday> Between(IEnumerable<SchoolTerm> terms)
    {
        var ordered = terms.OrderBy(t => t.Starts).ToList();
        var holidays = new List<SchoolHoliday>();
        for (var i = 1; i < ordered.Count; i++)
        {
            var first = ordered[i - 1].Ends.AddDays(1);
            var last = ordered[i].Starts.AddDays(-1);
            var length = last.DayNumber - first.DayNumber + 1;
            if (length <= 0 || length > LongestDays || !HasWeekday(first, last))
            {
                continue;
            }

            holidays.Add(new SchoolHoliday(first, last, NameFor(first, last)));
        }

        return holidays;
    }

    /// <summary>The usual name of a holiday in England, from the month its first weekday falls in.</summary>
    public static string NameFor(DateOnly first, DateOnly last)
    {
        var day = first;
        while (day <= last && day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }

        return day.Month switch
        {
            9 or 10 or 11 => "October half term",
            12 or 1 => "Christmas holidays",
            2 => "February half term",
            3 or 4 => "Easter holidays",
            5 or 6 => "May half term",
            _ => "summer holidays",
        };
    }

    private static bool HasWeekday(DateOnly first, DateOnly last)
    {
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                return true;
            }
        }

        return false;
    }
}
