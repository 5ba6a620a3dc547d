namespace DeepDive.Domain.Calendars;

/// <summary>A school term of a partnership's schools, first and last day inclusive.</summary>
public sealed record SchoolTerm(DateOnly Starts, DateOnly Ends, string Name);
