namespace DeepDive.Domain.Calendars;

/// <summary>
/// Which days are working days: not a Saturday or Sunday, not a bank holiday, and (for a calendar that avoids
/// them) not a school holiday. Every answer about a day that is not a working day says why.
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>How far ahead a working day is looked for before the calendar is taken to be wrong.</summary>
    public const int LongestSearchDays = 366;

    private readonly Dictionary<DateOnly, BankHoliday> bankHolidays;
    private readonly IReadOnlyList<SchoolHoliday> schoolHolidays;
    private readonly HashSet<int> bankHolidayYears;

    public WorkingCalendar(IEnumerable<BankHoliday> bankHolidays, IEnumerable<SchoolHoliday>? schoolHolidays = null)
    {
        ArgumentNullException.ThrowIfNull(bankHolidays);
        this.bankHolidays = [];
        foreach (var holiday in bankHolidays)
        {
            this.bankHolidays.TryAdd(holiday.Date, holiday);
        }

        this.schoolHolidays = (schoolHolidays ?? []).OrderBy(h => h.Starts).ToList();
        bankHolidayYears = this.bankHolidays.Keys.Select(d => d.Year).ToHashSet();
    }

    /// <summary>Weekends only: no bank or school holidays.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new([]);

    public IReadOnlyCollection<BankHoliday> BankHolidays => bankHolidays.Values;

    public IReadOnlyList<SchoolHoliday> SchoolHolidays => schoolHolidays;

    /// <summary>Whether bank holidays are known for the year; a year without any is most likely missing from the data.</summary>
    public bool KnowsBankHolidaysOf(int year) => bankHolidayYears.Contains(year);

    /// <summary>The first year with bank holidays in the data, or null when there are none.</summary>
    public int? FirstBankHolidayYear => bankHolidayYears.Count == 0 ? null : bankHolidayYears.Min();

    /// <summary>The last year with bank holidays in the data, or null when there are none: a later day is not checked for them.</summary>
    public int? LastBankHolidayYear => bankHolidayYears.Count == 0 ? null : bankHolidayYears.Max();

    /// <summary>
    /// The first year from <paramref name="from"/> to <paramref name="to"/> whose bank holidays are not known, or null when
    /// every day between them was checked for bank holidays.
    /// </summary>
    public int? FirstYearWithoutBankHolidays(DateOnly from, DateOnly to)
    {
        for (var year = Math.Min(from.Year, to.Year); year <= Math.Max(from.Year, to.Year); year++)
        {
            if (!KnowsBankHolidaysOf(year))
            {
                return year;
            }
        }

        return null;
    }

    /// <summary>The same calendar without school holidays, for cycles and tasks that run through them.</summary>
    public WorkingCalendar WithoutSchoolHolidays() => schoolHolidays.Count == 0 ? this : new WorkingCalendar(bankHolidays.Values);

    /// <summary>Why <paramref name="date"/> is not a working day, or null when it is one. A bank holiday is named before a weekend, a weekend before a school holiday.</summary>
    public string? WhyNotWorking(DateOnly date)
    {
        if (bankHolidays.TryGetValue(date, out var holiday))
        {
            return holiday.Reason;
        }

        if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            return date.DayOfWeek.ToString();
        }

        return schoolHolidays.FirstOrDefault(h => h.Contains(date))?.Reason;
    }

    public bool IsWorkingDay(DateOnly date) => WhyNotWorking(date) is null;

    public bool IsWorkingDay(DateOnly date, out string? reason)
    {
        reason = WhyNotWorking(date);
        return reason is null;
    }

    /// <summary>The first working day after <paramref name="date"/>.</summary>
    public DateOnly NextWorkingDay(DateOnly date) => WorkingDayOnOrAfter(date.AddDays(1), out _);

    /// <summary><paramref name="date"/> itself when it is a working day, or the first working day after it, with every day passed over and why.</summary>
    public DateOnly WorkingDayOnOrAfter(DateOnly date, out IReadOnlyList<ExcludedDay> passedOver)
    {
        var skipped = new List<ExcludedDay>();
        var day = date;
        while (WhyNotWorking(day) is { } reason)
        {
            skipped.Add(new ExcludedDay(day, reason));
            if (skipped.Count > LongestSearchDays)
            {
                throw new InvalidOperationException(
                    $"There is no working day in the {LongestSearchDays} days from {date:yyyy-MM-dd}; the calendar's holidays cover every day.");
            }

            day = day.AddDays(1);
        }

        passedOver = skipped;
        return day;
    }

    /// <summary>The working day that is <paramref name="days"/> working days after <paramref name="start"/> (which does not count itself).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = start;
        for (var i = 0; i < days; i++)
        {
            day = NextWorkingDay(day);
        }

        return days == 0 ? WorkingDayOnOrAfter(start, out _) : day;
    }

    /// <summary>
    /// An instant moved, when its local day is not a working day, to the same local time of day on the next working
    /// day in <paramref name="zone"/> (so 09:00 stays 09:00 across a change to or from summer time).
    /// </summary>
    public WorkingDayMove MoveToWorkingDay(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var target = WorkingDayOnOrAfter(date, out var passedOver);
        if (passedOver.Count == 0)
        {
            return new WorkingDayMove(instant, instant, []);
        }

        return new WorkingDayMove(instant, LocalTime.At(target, TimeOnly.FromDateTime(local.DateTime), zone), passedOver);
    }

    /// <summary>
    /// The instant <paramref name="days"/> working days after <paramref name="from"/>, at the same local time of day in <paramref name="zone"/>.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset from, int days, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(from, zone);
        var due = AddWorkingDays(DateOnly.FromDateTime(local.DateTime), days);
        return LocalTime.At(due, TimeOnly.FromDateTime(local.DateTime), zone);
    }
}
