namespace DeepDive.Domain.Calendars;

/// <summary>A bank holiday as GOV.UK publishes it: the date, its title and notes (e.g. "Substitute day").</summary>
public sealed record BankHoliday(DateOnly Date, string Title, string Notes = "")
{
    /// <summary>Why the day is not a working day, e.g. "Christmas Day (bank holiday)" or "Boxing Day, substitute day (bank holiday)".</summary>
    public string Reason => string.IsNullOrWhiteSpace(Notes)
        ? $"{Title} (bank holiday)"
        : $"{Title}, {Notes.Trim().ToLowerInvariant()} (bank holiday)";
}
