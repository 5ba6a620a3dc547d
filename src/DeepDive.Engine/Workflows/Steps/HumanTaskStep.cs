using System.Text.Json;
using DeepDive.Engine.Tasks;
using DeepDive.Engine.Workflows.Data;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Workflows.Steps;

/// <summary>
/// Waits for a person: subscribes to the task's own event key, and when the submission arrives records it on
/// the task. Each task has its own key, so an old event can never resume a new wait.
/// </summary>
public sealed class HumanTaskStep(StepWrites stepWrites) : DomainStep(stepWrites)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string EventName { get; set; } = WorkflowEvents.TaskSubmitted;
    public string EventKey { get; set; } = "";

    protected override Task<ExecutionResult> RunAsync(IStepExecutionContext context, StepBatch batch, CancellationToken cancellationToken)
    {
        if (!context.ExecutionPointer.EventPublished)
        {
            return Task.FromResult(ExecutionResult.WaitForEvent(EventName, EventKey, DateTime.MinValue));
        }

        var submission = context.ExecutionPointer.EventData as TaskSubmission
            ?? throw new InvalidOperationException($"Task {EventKey} received an event without a submission.");
        if (context.Workflow.Data is DeepDiveData data && data.Tasks.Find(t => t.TaskId == submission.TaskId) is { } task)
        {
            task.Grade = submission.Grade;
        }

        var answers = JsonSerializer.Serialize(submission, Json);
        batch.Write((c, t, ct) => AuditTaskStore.SubmitAsync(c, t, submission.TaskId, submission.SubmittedUtc, submission.Grade, answers, ct));
        return Task.FromResult(ExecutionResult.Next());
    }
}
