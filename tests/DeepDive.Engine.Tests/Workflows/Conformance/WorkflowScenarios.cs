using DeepDive.Engine.Tests.Support;
using WorkflowCore.Models;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

/// <summary>
/// Whole workflows run by WorkflowCore's host, checked by what a user of the engine sees: the data the steps
/// wrote and the status the instance ends in. The same scenarios run on WorkflowCore's default in-memory
/// persistence (the reference) and on ours over each database.
/// </summary>
public abstract partial class WorkflowScenarios
{
    /// <summary>A started host on this class's persistence.</summary>
    protected abstract Task<ScenarioHost> StartHostAsync();

    private static string NewKey() => Guid.NewGuid().ToString("N");

    private static ScenarioData DataOf(WorkflowInstance instance) => instance.Data.Should().BeOfType<ScenarioData>().Subject;

    [ConformanceFact]
    public async Task HumanTask_ResumesWithTheAnswerWhenItsEventIsPublished()
    {
        await using var host = await StartHostAsync();
        var key = NewKey();
        var id = await host.StartWorkflowAsync("scenario-human-task", new ScenarioData { Key = key });

        await host.UntilWaitingForAsync("approval", key);
        await host.Host.PublishEvent("approval", key, "approved");
        var done = await host.UntilFinishedAsync(id);

        done.Status.Should().Be(WorkflowStatus.Complete);
        DataOf(done).Answer.Should().Be("approved");
        DataOf(done).Log.Should().Equal("asked", "answered");
    }

    [ConformanceFact]
    public async Task HumanTask_EventPublishedBeforeTheWait_IsStillDelivered()
    {
        await using var host = await StartHostAsync();
        var key = NewKey();
        await host.Host.PublishEvent("approval", key, "approved early");

        var id = await host.StartWorkflowAsync("scenario-human-task", new ScenarioData { Key = key });
        var done = await host.UntilFinishedAsync(id);

        done.Status.Should().Be(WorkflowStatus.Complete);
        DataOf(done).Answer.Should().Be("approved early");
        DataOf(done).Log.Should().Equal("asked", "answered");
    }

    [ConformanceFact]
    public async Task Terminate_StopsAWaitingWorkflow_AndALaterEventDoesNotResumeIt()
    {
        await using var host = await StartHostAsync();
        var key = NewKey();
        var id = await host.StartWorkflowAsync("scenario-human-task", new ScenarioData { Key = key });
        await host.UntilWaitingForAsync("approval", key);

        // False means the engine still holds the instance's lock (it may be finishing the step that subscribed): ask again.
        await Poller.UntilAsync(() => host.Host.TerminateWorkflow(id), ok => ok, $"workflow {id} to accept termination");
        var stopped = await host.UntilFinishedAsync(id);
        await host.Host.PublishEvent("approval", key, "too late");
        await host.UntilEventsProcessedAsync("approval", key);
        var after = await host.Store.GetWorkflowInstance(id);

        stopped.Status.Should().Be(WorkflowStatus.Terminated);
        stopped.CompleteTime.Should().NotBeNull();
        after.Status.Should().Be(WorkflowStatus.Terminated);
        DataOf(after).Answer.Should().BeNull();
        DataOf(after).Log.Should().Equal("asked");
    }

    [ConformanceFact]
    public async Task Delay_ResumesAfterTheDelay()
    {
        await using var host = await StartHostAsync();
        var delay = TimeSpan.FromMilliseconds(400);

        var id = await host.StartWorkflowAsync("scenario-delay", new ScenarioData { Value = (int)delay.TotalMilliseconds });
        var done = await host.UntilFinishedAsync(id);

        done.Status.Should().Be(WorkflowStatus.Complete);
        DataOf(done).Log.Should().Equal("before", "after");
        (done.CompleteTime - done.CreateTime).Should().BeGreaterThanOrEqualTo(delay);
    }
}
