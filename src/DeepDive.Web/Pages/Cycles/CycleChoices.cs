using System.Globalization;
using DeepDive.Web.Components;

namespace DeepDive.Web.Pages.Cycles;

/// <summary>The options of the cycle form's radios and checkboxes, with the values the cycle file uses.</summary>
public static class CycleChoices
{
    // Single checkboxes bound to a bool: checked posts "true".
    public static readonly Choice[] WorkingDaysOnly = [new("true", "Open rounds on working days only", "A round that falls on a weekend or bank holiday opens on the next working day")];
    public static readonly Choice[] OpenOnly = [new("true", "Open cases only", null)];
    public static readonly Choice[] RequireSchool = [new("true", "Cases with a school only", null)];
    public static readonly Choice[] Siblings = [new("true", "Take at most one child of each family", "Brothers and sisters of a drawn case are left out")];
    public static readonly Choice[] Education = [new("true", "Safeguarding in Education audit", "Each school in the sample gets its own feedback")];
    public static readonly Choice[] OriginalAuditorMayReAudit = [new("true", "The first auditor may re-audit the case", null)];
    public static readonly Choice[] SameAuditYear = [new("true", "The re-audit must fall in the same audit year", null)];

    public static readonly Choice[] ScheduleTypes =
    [
        new("months", "On the first weekday of chosen months", "For example, the first Monday of March, June, September and December"),
        new("cron", "By a cron expression", "For schedules the months cannot say, for example the second Wednesday. Quartz cron format"),
    ];

    public static readonly Choice[] Months =
        [.. Enumerable.Range(1, 12).Select(m => new Choice(m.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m)))];

    public static readonly Choice[] Weekdays =
        [new("monday", "Monday"), new("tuesday", "Tuesday"), new("wednesday", "Wednesday"), new("thursday", "Thursday"), new("friday", "Friday")];

    public static readonly Choice[] SchoolHolidays =
    [
        new("", "Only if it is an education audit"),
        new("yes", "Yes, move a round out of school holidays"),
        new("no", "No, school holidays do not matter"),
    ];

    public static readonly Choice[] Methods =
    [
        new("simple", "Simple random sample", "Every case has the same chance"),
        new("systematic", "Systematic sample", "A random start, then every so many cases"),
        new("stratified", "Stratified sample", "Drawn within groups, such as each agency"),
    ];

    public static readonly Choice[] StratifyBy =
        [new("agency", "Agency"), new("case-type", "Case type"), new("team", "Team"), new("school", "School"), new("age-band", "Age band")];

    public static readonly Choice[] Allocations =
    [
        new("proportional", "In proportion to each group's size"),
        new("minimum", "At least the minimum from each group"),
    ];

    public static readonly Choice[] Locks =
    [
        new("auto", "No, lock the draw straight away", "Auditors are assigned as soon as the sample is drawn"),
        new("manager", "Yes, a manager reviews and locks it", "A manager can replace cases from the reserve list or add cases, then locks the sample"),
    ];

    public static readonly Choice[] AgeBands =
        [new("unborn", "Unborn"), new("under-1", "Under 1"), new("1-4", "1 to 4"), new("5-9", "5 to 9"), new("10-15", "10 to 15"), new("16-plus", "16 and over")];

    public static readonly Choice[] Grades =
        [new("outstanding", "Outstanding"), new("good", "Good"), new("requires-improvement", "Requires improvement"), new("inadequate", "Inadequate")];

    public static readonly Choice[] OutsideYear =
    [
        new("end-of-year", "Move it to the last working day of the audit year"),
        new("skip", "Do not re-audit (the reason is recorded)"),
    ];
}
