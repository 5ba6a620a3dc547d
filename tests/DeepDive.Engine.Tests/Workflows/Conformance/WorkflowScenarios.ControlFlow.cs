using DeepDive.Engine.Tests.Support;
using WorkflowCore.Models;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

public abstract partial class WorkflowScenarios
{
    [ConformanceFact]
    public async Task If_RunsItsBranchOnlyWhenTheConditionHolds()
    {
        await using var host = await StartHostAsync();

        var big = await host.StartWorkflowAsync("scenario-if", new ScenarioData { Value = 10 });
        var small = await host.StartWorkflowAsync("scenario-if", new ScenarioData { Value = 1 });
        var bigDone = await host.UntilFinishedAsync(big);
        var smallDone = await host.UntilFinishedAsync(small);

        bigDone.Status.Should().Be(WorkflowStatus.Complete);
        smallDone.Status.Should().Be(WorkflowStatus.Complete);
        DataOf(bigDone).Log.Should().Equal("start", "big", "end");
        DataOf(smallDone).Log.Should().Equal("start", "end");
    }

    [ConformanceFact]
    public async Task While_LoopsUntilTheConditionFails()
    {
        await using var host = await StartHostAsync();

        var id = await host.StartWorkflowAsync("scenario-while", new ScenarioData());
        var done = await host.UntilFinishedAsync(id);

        done.Status.Should().Be(WorkflowStatus.Complete);
        DataOf(done).Counter.Should().Be(5);
        DataOf(done).Log.Should().Equal("start", "pass 1", "pass 2", "pass 3", "pass 4", "pass 5", "done");
    }

    [ConformanceFact]
    public async Task ForEach_RunsTheBodyForEveryItemInParallel_ThenGoesOn()
    {
        await using var host = await StartHostAsync();

        var id = await host.StartWorkflowAsync("scenario-for-each", new ScenarioData { Items = ["a", "b", "c"] });
        var done = await host.UntilFinishedAsync(id);

        done.Status.Should().Be(WorkflowStatus.Complete);
        DataOf(done).Log.Should().Equal("start", "saw a", "saw b", "saw c", "done");
    }

    [ConformanceFact]
    public async Task Parallel_RunsEveryBranch_ThenJoins()
    {
        await using var host = await StartHostAsync();

        var id = await host.StartWorkflowAsync("scenario-parallel", new ScenarioData());
        var done = await host.UntilFinishedAsync(id);

        done.Status.Should().Be(WorkflowStatus.Complete);
        DataOf(done).Log.Should().Equal("start", "left", "right", "left again", "joined");
    }

    [ConformanceFact]
    public async Task Saga_WhenAStepFails_CompensatesTheStepsDone_AndGoesOn()
    {
        await using var host = await StartHostAsync();

        var id = await host.StartWorkflowAsync("scenario-saga", new ScenarioData());
        var done = await host.UntilFinishedAsync(id);

        done.Status.Should().Be(WorkflowStatus.Complete);
        DataOf(done).Log.Should().Equal("start", "reserve", "undo charge", "after", "undo reserve", "saga compensated");
    }

    [ConformanceFact]
    public async Task Retry_AStepThatFailsTwice_SucceedsOnTheThirdAttempt()
    {
        await using var host = await StartHostAsync();

        var id = await host.StartWorkflowAsync("scenario-retry", new ScenarioData());
        var done = await host.UntilFinishedAsync(id);

        done.Status.Should().Be(WorkflowStatus.Complete);
        DataOf(done).Attempts.Should().Be(3);
        DataOf(done).Log.Should().Equal("start", "succeeded on attempt 3", "done");
    }
}
