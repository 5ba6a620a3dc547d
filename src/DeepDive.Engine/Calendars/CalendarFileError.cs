namespace DeepDive.Engine.Calendars;

/// <summary>One problem in the bank holidays file: where (a JSON path such as <c>$.events[3].date</c>) and why.</summary>
public sealed record CalendarFileError(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}
