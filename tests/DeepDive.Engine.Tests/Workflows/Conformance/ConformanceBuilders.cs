using WorkflowCore.Models;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

/// <summary>Fresh instances, pointers, subscriptions and events for the conformance tests; each call builds new objects.</summary>
internal static class ConformanceBuilders
{
    public static readonly DateTime T0 = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    public static WorkflowInstance Instance(WorkflowStatus status = WorkflowStatus.Runnable, long? nextExecution = 0) => new()
    {
        WorkflowDefinitionId = "conformance",
        Version = 2,
        Description = "A conformance instance",
        Reference = "case-7",
        Status = status,
        NextExecution = nextExecution,
        Data = new ConformanceData { Name = "first", Count = 1, Tags = ["a", "b"] },
        CreateTime = T0,
        CompleteTime = null,
        ExecutionPointers = { CompletedPointer(), WaitingPointer() },
    };

    /// <summary>A finished step: persistence data, outcome, children and extension attributes set.</summary>
    public static ExecutionPointer CompletedPointer() => new()
    {
        Id = "p-1",
        StepId = 0,
        Active = false,
        StartTime = T0,
        EndTime = T0.AddSeconds(1),
        StepName = "start",
        Status = PointerStatus.Complete,
        Outcome = "approved",
        PersistenceData = new ControlPersistenceData { ChildrenActive = true },
        Children = ["p-2"],
        ExtensionAttributes = { ["attempt"] = 3, ["note"] = "checked" },
    };

    /// <summary>A step waiting for an event that has been published to it: event, context item, scope and retries set.</summary>
    public static ExecutionPointer WaitingPointer() => new()
    {
        Id = "p-2",
        StepId = 1,
        Active = true,
        SleepUntil = T0.AddHours(1),
        StartTime = T0.AddSeconds(2),
        StepName = "wait",
        Status = PointerStatus.WaitingForEvent,
        EventName = "approval",
        EventKey = "case-7",
        EventPublished = true,
        EventData = new ConformanceData { Name = "event", Count = 2, Tags = ["e"] },
        ContextItem = new ConformanceData { Name = "item", Count = 3 },
        PredecessorId = "p-1",
        RetryCount = 2,
        Scope = ["p-1", "p-0"],
    };

    public static ExecutionPointer NewPointer(string id, string predecessor) => new()
    {
        Id = id,
        StepId = 2,
        Active = true,
        StartTime = T0.AddMinutes(5),
        StepName = "later",
        Status = PointerStatus.Pending,
        PredecessorId = predecessor,
        Scope = [],
    };

    public static EventSubscription Subscription(string workflowId, string eventKey, DateTime asOf, string eventName = "approval") => new()
    {
        WorkflowId = workflowId,
        StepId = 1,
        ExecutionPointerId = "p-2",
        EventName = eventName,
        EventKey = eventKey,
        SubscribeAsOf = asOf,
        SubscriptionData = new ConformanceData { Name = "subscription", Count = 4 },
    };

    public static Event Event(string eventKey, DateTime time, string eventName = "approval", bool processed = false) => new()
    {
        EventName = eventName,
        EventKey = eventKey,
        EventTime = time,
        EventData = new ConformanceData { Name = "payload", Count = 5, Tags = ["x", "y"] },
        IsProcessed = processed,
    };
}
