namespace DeepDive.Domain.Calendars;

/// <summary>Where an instant lands on the working calendar: itself, or moved to a later working day past the days in <see cref="PassedOver"/>.</summary>
public sealed record WorkingDayMove(DateTimeOffset Original, DateTimeOffset At, IReadOnlyList<ExcludedDay> PassedOver)
{
    public bool WasMoved => PassedOver.Count > 0;

    /// <summary>Why it moved: the reason of the original day, and of any further days other than weekends that it had to pass over.</summary>
    public string? Reason => PassedOver.Count switch
    {
        0 => null,
        1 => PassedOver[0].Reason,
        _ => string.Join("; then ", PassedOver.Where((d, i) => i == 0 || d.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(d => d.Reason).Distinct()),
    };
}
