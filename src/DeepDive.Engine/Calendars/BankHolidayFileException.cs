namespace DeepDive.Engine.Calendars;

/// <summary>A bank holidays file that cannot be used, with every problem found in it; nothing was stored from it.</summary>
public sealed class BankHolidayFileException(string fileName, IReadOnlyList<CalendarFileError> errors)
    : Exception($"The bank holidays file cannot be used; nothing was stored from it.{Environment.NewLine}"
        + string.Join(Environment.NewLine, errors.Select(e => $"{fileName}: {e}")))
{
    public string FileName { get; } = fileName;

    public IReadOnlyList<CalendarFileError> Errors { get; } = errors;
}
