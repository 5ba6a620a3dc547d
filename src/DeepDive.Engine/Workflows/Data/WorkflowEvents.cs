namespace DeepDive.Engine.Workflows.Data;

/// <summary>The names of the events DeepDive's workflows wait for. Every key is unique to one wait.</summary>
public static class WorkflowEvents
{
    /// <summary>An auditor submitted the audit tool for a task; keyed by task id.</summary>
    public const string TaskSubmitted = "task-submitted";

    /// <summary>A deep dive closed; keyed by deep dive id.</summary>
    public const string DeepDiveClosed = "deep-dive-closed";

    /// <summary>A manager locked a round's reviewed draw; keyed by round id.</summary>
    public const string SampleLocked = "sample-locked";
}
