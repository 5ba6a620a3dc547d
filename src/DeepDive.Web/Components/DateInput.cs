using System.Globalization;

namespace DeepDive.Web.Components;

/// <summary>
/// The three boxes of a GOV.UK date input (day, month, year) as typed, and the date they make, with the GOV.UK error
/// messages for one left incomplete or not a real date. Bound as <c>Name.Day</c>, <c>Name.Month</c>, <c>Name.Year</c>.
/// </summary>
public sealed class DateInput
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    public static DateInput Of(DateOnly date) => new()
    {
        Day = date.Day.ToString(CultureInfo.InvariantCulture),
        Month = date.Month.ToString(CultureInfo.InvariantCulture),
        Year = date.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The date, or why there is none: "<paramref name="label"/> must include a month", "... must be a real date".</summary>
    public (DateOnly? Date, string? Error) Read(string label)
    {
        var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }.Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count == 3)
        {
            return (null, $"Enter the {label.ToLowerInvariant()}");
        }

        if (missing.Count > 0)
        {
            return (null, $"{label} must include a {string.Join(" and ", missing)}");
        }

        if (int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && year is >= 2000 and <= 2100 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
        {
            return (new DateOnly(year, month, day), null);
        }

        return (null, $"{label} must be a real date");
    }
}

/// <summary>What the date input partial (Pages/AccessLog/_DateInput.cshtml) shows: the field's model name, legend, hint and the boxes as typed.</summary>
public sealed record DateField(string Name, string Legend, string? Hint, DateInput Value);
