namespace DeepDive.Engine.Status;

/// <summary>
/// The engine's state as any process can read it from the database: schema, scheduler, workflows, outbox, failed
/// firings and failed jobs. <c>deepdive status</c> prints it; the web app's <c>/health</c> will use the same query.
/// A part that cannot be read says why in <see cref="Problems"/> instead of failing the whole report.
/// </summary>
public sealed record EngineStatus(
    DateTime AtUtc,
    EngineStatus.DatabasePart Database,
    EngineStatus.SchedulerPart? Scheduler,
    EngineStatus.WorkflowPart? Workflows,
    EngineStatus.OutboxPart? Outbox,
    IReadOnlyList<EngineStatus.FailedFiringLine>? FailedFirings,
    IReadOnlyList<EngineStatus.FailedJobLine>? FailedJobs,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Problems)
{
    public sealed record DatabasePart(string Kind, string Target, bool Reachable, string? SchemaVersion, int ScriptsApplied, int ScriptsPending);

    public sealed record SchedulerPart(IReadOnlyList<Node> Nodes, IReadOnlyList<Firing> NextFirings, int TriggersInError, int TriggersPaused);

    public sealed record Node(string InstanceId, DateTime LastCheckInUtc, TimeSpan CheckInInterval);

    public sealed record Firing(string Job, string Trigger, DateTime NextFireUtc);

    public sealed record WorkflowPart(long Due, long Sleeping, long WaitingForEvent, long Suspended, long WithErrors, DateTime? OldestWaitingSinceUtc);

    public sealed record OutboxPart(long Queued, long Failed, long Delivered, DateTime? OldestUndeliveredUtc);

    /// <param name="RetryName">How <c>deepdive round retry</c> names the firing: when it was due in the cycle's time zone.</param>
    public sealed record FailedFiringLine(string PartnershipId, string CycleId, string Kind, DateTime ScheduledForUtc, int Attempts, string Reason, string RetryName);

    public sealed record FailedJobLine(string Job, int Failures, DateTime LastFailedUtc, string LastError, bool FailingNow);

    /// <summary>Healthy: the database answers, the schema is current, and nothing has failed that waits for a person.</summary>
    public bool Healthy => Database.Reachable && Database.ScriptsPending == 0 && Problems.Count == 0
        && (FailedFirings?.Count ?? 0) == 0 && !(FailedJobs ?? []).Any(j => j.FailingNow) && (Outbox?.Failed ?? 0) == 0
        && (Scheduler?.TriggersInError ?? 0) == 0;
}
