using DeepDive.Engine.Workflows.Execution;
using DeepDive.Engine.Workflows.Persistence;
using Microsoft.Extensions.Logging.Abstractions;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Tests.Workflows.Execution;

/// <summary>When one turn goes on to another pass of WorkflowCore's executor, and when it stops: checked with a scripted executor.</summary>
public sealed class ChainedStepsExecutorTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>An executor whose passes do what the test says to the instance, and count themselves.</summary>
    private sealed class ScriptedExecutor(params Action<WorkflowInstance, WorkflowExecutorResult>[] passes) : IWorkflowExecutor
    {
        public int Passes { get; private set; }

        public Task<WorkflowExecutorResult> Execute(WorkflowInstance workflow, CancellationToken cancellationToken = default)
        {
            var result = new WorkflowExecutorResult();
            Passes++;
            passes[Math.Min(Passes, passes.Length) - 1](workflow, result);
            return Task.FromResult(result);
        }
    }

    private sealed class FixedClock : IDateTimeProvider
    {
        public DateTime Now => UtcNow.ToLocalTime();

        public DateTime UtcNow => ChainedStepsExecutorTests.Now;
    }

    private static WorkflowInstance Runnable() => new() { Id = "wf-1", Status = WorkflowStatus.Runnable, NextExecution = 0 };

    private static void ReadyAtOnce(WorkflowInstance w, WorkflowExecutorResult r) => w.NextExecution = 0;

    private static void Waits(WorkflowInstance w, WorkflowExecutorResult r) => w.NextExecution = null;

    private readonly StepWrites stepWrites = new();

    private async Task<(ScriptedExecutor Inner, WorkflowExecutorResult Result)> RunAsync(
        WorkflowInstance workflow, CancellationToken cancellationToken, params Action<WorkflowInstance, WorkflowExecutorResult>[] passes)
    {
        var inner = new ScriptedExecutor(passes);
        var result = await new ChainedStepsExecutor(inner, new FixedClock(), NullLogger.Instance, stepWrites).Execute(workflow, cancellationToken);
        return (inner, result);
    }

    [Fact]
    public async Task GoesOnWhileTheNextStepCanRunAtOnce_AndStopsWhenTheWorkflowWaits()
    {
        var (inner, _) = await RunAsync(Runnable(), default, ReadyAtOnce, ReadyAtOnce, Waits, ReadyAtOnce);

        inner.Passes.Should().Be(3);
    }

    [Fact]
    public async Task StopsWhenTheNextStepIsDueLater()
    {
        Action<WorkflowInstance, WorkflowExecutorResult> dueNow = (w, _) => w.NextExecution = Now.Ticks;
        Action<WorkflowInstance, WorkflowExecutorResult> dueLater = (w, _) => w.NextExecution = Now.AddSeconds(1).Ticks;

        var (inner, _) = await RunAsync(Runnable(), default, dueNow, dueLater, ReadyAtOnce);

        inner.Passes.Should().Be(2);
    }

    [Theory]
    [InlineData(WorkflowStatus.Complete)]
    [InlineData(WorkflowStatus.Suspended)]
    [InlineData(WorkflowStatus.Terminated)]
    public async Task StopsWhenTheWorkflowIsNoLongerRunnable(WorkflowStatus status)
    {
        var (inner, _) = await RunAsync(Runnable(), default, ReadyAtOnce, (w, _) => w.Status = status, ReadyAtOnce);

        inner.Passes.Should().Be(2);
    }

    [Fact]
    public async Task StopsAfterAFailedStep_SoItsErrorIsStoredAtOnce()
    {
        var fails = (WorkflowInstance w, WorkflowExecutorResult r) =>
        {
            w.NextExecution = 0;
            r.Errors.Add(new ExecutionError { WorkflowId = w.Id, Message = "boom" });
        };

        var (inner, result) = await RunAsync(Runnable(), default, ReadyAtOnce, fails, ReadyAtOnce);

        inner.Passes.Should().Be(2);
        result.Errors.Should().ContainSingle().Which.Message.Should().Be("boom");
    }

    [Fact]
    public async Task StopsAfterAStepThatWroteDomainRows_SoTheyCommitBeforeTheNextStepReadsThem()
    {
        var writes = (WorkflowInstance w, WorkflowExecutorResult _) =>
        {
            w.NextExecution = 0;
            stepWrites.Add(w.Id, [(_, _, _) => Task.CompletedTask]);
        };

        var (inner, _) = await RunAsync(Runnable(), default, ReadyAtOnce, writes, ReadyAtOnce);

        inner.Passes.Should().Be(2);
        stepWrites.Take("wf-1").Should().ContainSingle("the writes wait for the persist that ends the turn");
    }

    [Fact]
    public async Task StopsAfterAStepThatLeftWorkForAfterTheCommit()
    {
        var notifies = (WorkflowInstance w, WorkflowExecutorResult _) =>
        {
            w.NextExecution = 0;
            stepWrites.AddAfterCommit(w.Id, [() => Task.CompletedTask]);
        };

        var (inner, _) = await RunAsync(Runnable(), default, notifies, ReadyAtOnce);

        inner.Passes.Should().Be(1);
    }

    [Fact]
    public async Task AnotherWorkflowsPendingWrites_DoNotStopThisOne()
    {
        stepWrites.Add("another", [(_, _, _) => Task.CompletedTask]);

        var (inner, _) = await RunAsync(Runnable(), default, ReadyAtOnce, ReadyAtOnce, Waits);

        inner.Passes.Should().Be(3);
    }

    [Fact]
    public async Task StopsAfterMaxPasses_WhenStepsNeverWait()
    {
        var (inner, _) = await RunAsync(Runnable(), default, ReadyAtOnce);

        inner.Passes.Should().Be(ChainedStepsExecutor.MaxPasses);
    }

    [Fact]
    public async Task StopsWhenTheHostIsStopping()
    {
        using var stopping = new CancellationTokenSource();
        var (inner, _) = await RunAsync(Runnable(), stopping.Token, ReadyAtOnce, (w, _) =>
        {
            w.NextExecution = 0;
            stopping.Cancel();
        }, ReadyAtOnce);

        inner.Passes.Should().Be(2);
    }

    [Fact]
    public async Task ALaterPassThatThrows_EndsTheTurn_KeepingTheSubscriptionsOfThePassesBefore()
    {
        var subscribes = (WorkflowInstance w, WorkflowExecutorResult r) =>
        {
            w.NextExecution = 0;
            r.Subscriptions.Add(new EventSubscription { WorkflowId = w.Id, EventName = "answer", EventKey = "k" });
        };

        var (inner, result) = await RunAsync(Runnable(), default, subscribes, (_, _) => throw new InvalidOperationException("middleware failed"));

        inner.Passes.Should().Be(2);
        result.Subscriptions.Should().ContainSingle().Which.EventName.Should().Be("answer",
            "the consumer persists what Execute returns; an exception would lose the waiting step's subscription");
    }

    [Fact]
    public async Task AFirstPassThatThrows_ThrowsAsWorkflowCoreDoes()
    {
        var act = () => RunAsync(Runnable(), default, (_, _) => throw new InvalidOperationException("middleware failed"));

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("middleware failed");
    }

    [Fact]
    public async Task ReturnsTheSubscriptionsOfEveryPass()
    {
        var subscribes = (string name) => (WorkflowInstance w, WorkflowExecutorResult r) =>
        {
            w.NextExecution = 0;
            r.Subscriptions.Add(new EventSubscription { WorkflowId = w.Id, EventName = name, EventKey = "k" });
        };

        var (_, result) = await RunAsync(Runnable(), default, subscribes("first"), subscribes("second"), Waits);

        result.Subscriptions.Select(s => s.EventName).Should().Equal("first", "second");
    }
}
