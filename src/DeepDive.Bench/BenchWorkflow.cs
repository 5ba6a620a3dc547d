using System.Diagnostics;
using DeepDive.Domain.Grading;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Bench;

/// <summary>The state of one bench workflow: a deep dive cut down to its shape.</summary>
public sealed class BenchData
{
    /// <summary>The key of this workflow's task event; unique per workflow and per run.</summary>
    public string Key { get; set; } = "";

    public bool Opened { get; set; }
    public BenchSubmission? Submission { get; set; }
    public string? OverallGrade { get; set; }
    public bool NeedsWork { get; set; }
}

/// <summary>The data of a bench task event: the auditor's grade and when the event was published.</summary>
public sealed class BenchSubmission
{
    public string Grade { get; set; } = "";

    /// <summary><see cref="Stopwatch.GetTimestamp"/> just before the event was published (same process).</summary>
    public long PublishedTimestamp { get; set; }
}

/// <summary>Start, wait for the task event, grade, complete: the steps every deep dive goes through.</summary>
public sealed class BenchWorkflow : IWorkflow<BenchData>
{
    public const string DefinitionId = "deepdive-bench";
    public const string TaskEvent = "bench-task";

    public string Id => DefinitionId;
    public int Version => 1;

    public void Build(IWorkflowBuilder<BenchData> builder) => builder
        .StartWith<BenchOpenStep>()
        .WaitFor(TaskEvent, data => data.Key)
            .Output(data => data.Submission, step => step.EventData)
        .Then<BenchGradeStep>();
}

public sealed class BenchOpenStep : StepBody
{
    public override ExecutionResult Run(IStepExecutionContext context)
    {
        ((BenchData)context.Workflow.Data).Opened = true;
        return ExecutionResult.Next();
    }
}

/// <summary>Grades the submission and records how long the event took to reach this step.</summary>
public sealed class BenchGradeStep(BenchProgress progress) : StepBody
{
    public override ExecutionResult Run(IStepExecutionContext context)
    {
        var data = (BenchData)context.Workflow.Data;
        var submission = data.Submission ?? throw new InvalidOperationException($"Bench workflow {data.Key} resumed without its submission.");
        progress.RecordResume(data.Key, Stopwatch.GetElapsedTime(submission.PublishedTimestamp));
        var grade = GradingScale.TryParse(submission.Grade, out var g) ? g : Grade.Inadequate;
        var overall = GradingScale.Overall([grade]);
        data.OverallGrade = GradingScale.Name(overall);
        data.NeedsWork = GradingScale.NeedsWork(overall);
        return ExecutionResult.Next();
    }
}
