namespace DeepDive.Domain.Cycles;

/// <summary>
/// Where a cycle is in its life: active (its trigger fires), paused (no rounds until resumed; firings missed while
/// paused are skipped, not made up) or retired (for good: its trigger is gone, its rounds and history stay).
/// </summary>
public static class CycleStatus
{
    public const string Active = "active";
    public const string Paused = "paused";
    public const string Retired = "retired";

    /// <summary>
    /// Why <paramref name="action"/> cannot be done to a cycle in <paramref name="status"/>, or null when it can. Pausing a
    /// paused cycle or retiring a retired one is allowed and changes nothing, so a command cut short can be run again.
    /// </summary>
    public static string? Refusal(string cycleId, string status, CycleAction action) => (status, action) switch
    {
        (Retired, CycleAction.Edit) => $"cycle '{cycleId}' is retired and cannot be edited; add a cycle with a new id instead",
        (Retired, CycleAction.Resume) => $"cycle '{cycleId}' is retired and cannot be resumed; add a cycle with a new id instead",
        (Retired, CycleAction.Pause) => $"cycle '{cycleId}' is retired; there is nothing to pause",
        (Retired, CycleAction.RunRapid) => $"cycle '{cycleId}' is retired; run a rapid audit from a cycle file instead",
        (Active, CycleAction.Resume) => $"cycle '{cycleId}' is not paused",
        _ => null,
    };

    /// <summary>The status after <paramref name="action"/>; call <see cref="Refusal"/> first.</summary>
    public static string After(string status, CycleAction action) => action switch
    {
        CycleAction.Pause => Paused,
        CycleAction.Resume => Active,
        CycleAction.Retire => Retired,
        _ => status,
    };
}

public enum CycleAction
{
    Edit,
    Pause,
    Resume,
    Retire,
    RunRapid,
}
