namespace DeepDive.Domain.Calendars;

/// <summary>A day that is not a working day, and why ("Saturday", "Easter Monday (bank holiday)", "school holiday: October half term").</summary>
public sealed record ExcludedDay(DateOnly Date, string Reason);
