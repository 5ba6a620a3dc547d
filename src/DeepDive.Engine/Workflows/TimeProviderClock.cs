using WorkflowCore.Interface;

namespace DeepDive.Engine.Workflows;

/// <summary>WorkflowCore's clock, driven by the same <see cref="TimeProvider"/> as Quartz and the domain.</summary>
public sealed class TimeProviderClock(TimeProvider clock) : IDateTimeProvider
{
    // WorkflowCore compares "Now" with UTC ticks; DeepDive keeps every time in UTC.
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime;
}
