using DeepDive.Domain.Calendars;
using DeepDive.Engine.Calendars;
using DeepDive.Web.Components;
using DeepDive.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace DeepDive.Web.Pages.Calendars;

/// <summary>
/// The days of a year that are not working days: bank holidays (one list for every partnership) and the partnership's
/// school holidays (the gaps between its terms), from the same <see cref="CalendarStore"/> the scheduler reads.
/// </summary>
[Authorize(Policy = Policies.Manage)]
public sealed class IndexModel(CalendarStore calendars, SchoolTermStore terms, CurrentUser user, TimeProvider clock) : PageModel
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    public int Shown { get; private set; }

    public IReadOnlyList<BankHoliday> BankHolidays { get; private set; } = [];

    public IReadOnlyList<SchoolHoliday> SchoolHolidays { get; private set; } = [];

    public IReadOnlyList<SchoolTerm> Terms { get; private set; } = [];

    /// <summary>The years the stored bank holidays cover, e.g. "2025 to 2030", or null when none are stored.</summary>
    public string? BankHolidayYears { get; private set; }

    public bool BankHolidaysKnown { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Shown = Year is >= FirstYear and <= LastYear ? Year.Value : UkTime.Today(clock).Year;
        var calendar = await calendars.ForPartnershipAsync(user.PartnershipId, schoolHolidays: true, cancellationToken);
        BankHolidaysKnown = calendar.KnowsBankHolidaysOf(Shown);
        BankHolidayYears = calendar.FirstBankHolidayYear is { } first && calendar.LastBankHolidayYear is { } last ? $"{first} to {last}" : null;
        BankHolidays = [.. calendar.BankHolidays.Where(h => h.Date.Year == Shown).OrderBy(h => h.Date)];
        SchoolHolidays = [.. calendar.SchoolHolidays.Where(h => h.Starts.Year == Shown || h.Ends.Year == Shown)];
        Terms = [.. (await terms.ListAsync(user.PartnershipId, cancellationToken)).Where(t => t.Starts.Year == Shown || t.Ends.Year == Shown)];
    }

    /// <summary>"Monday 5 April to Friday 16 April 2027" or a single day.</summary>
    public static string Span(DateOnly first, DateOnly last) =>
        first == last ? UkTime.WeekdayDate(first)
        : first.Year == last.Year ? $"{UkTime.WeekdayDayMonth(first)} to {UkTime.WeekdayDate(last)}"
        : $"{UkTime.WeekdayDate(first)} to {UkTime.WeekdayDate(last)}";
}
