using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using DeepDive.Engine.Tests.Support;
using DeepDive.Engine.Tests.Workflows.Conformance;
using DeepDive.Engine.Workflows.Execution;
using DeepDive.Engine.Workflows.Persistence;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace DeepDive.Engine.Tests.Workflows.Execution;

/// <summary>
/// Steps that can run at once run in one turn of the engine, on our provider over SQLite: the instance is persisted once
/// per turn, not once per step, and a turn still ends where the workflow waits.
/// </summary>
public sealed class ChainedStepsOnSqliteTests : IDisposable
{
    private const int MaxPasses = ChainedStepsExecutor.MaxPasses;
    private readonly SqliteDatabase sqlite = SqliteDatabase.CreateMigrated();

    /// <summary>Forwards every call to our provider and keeps the instances it was asked to persist, as they were then.</summary>
    public class PersistRecorder : DispatchProxy
    {
        public IPersistenceProvider Inner { get; set; } = null!;

        public ConcurrentQueue<(string WorkflowId, int Steps, int Ended, int Subscriptions)> Persisted { get; } = new();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IPersistenceProvider.PersistWorkflow) && args![0] is WorkflowInstance workflow)
            {
                var subscriptions = args.Length > 1 && args[1] is List<EventSubscription> s ? s.Count : 0;
                Persisted.Enqueue((workflow.Id, ((ScenarioData)workflow.Data).Log.Count, workflow.ExecutionPointers.Count(p => p.EndTime is not null), subscriptions));
            }

            try
            {
                return targetMethod.Invoke(Inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Throw(e.InnerException);
                throw;
            }
        }
    }

    public sealed class ChainWorkflow : IWorkflow<ScenarioData>
    {
        public const int Steps = 40;

        public string Id => "chain-of-notes";
        public int Version => 1;

        public void Build(IWorkflowBuilder<ScenarioData> builder)
        {
            var chain = builder.StartWithNote("note 1");
            for (var i = 2; i <= Steps; i++)
            {
                var text = $"note {i}";
                chain = chain.ThenNote(text);
            }
        }
    }

    public sealed class ThreeNotesWorkflow : IWorkflow<ScenarioData>
    {
        public string Id => "three-notes";
        public int Version => 1;

        public void Build(IWorkflowBuilder<ScenarioData> builder) => builder
            .StartWithNote("one").ThenNote("two").ThenNote("three");
    }

    private async Task<(ScenarioHost Host, PersistRecorder Recorder)> StartAsync()
    {
        var recorder = (PersistRecorder)(object)DispatchProxy.Create<IPersistenceProvider, PersistRecorder>();
        recorder.Inner = new DapperPersistenceProvider(sqlite.Database, new WorkflowJson([typeof(ScenarioData)]), new PointerSnapshots(), new StepWrites(), new DeliveredSubscriptions());
        var host = await ScenarioHost.StartAsync(o => o.UsePersistence(_ => (IPersistenceProvider)(object)recorder));
        host.Host.RegisterWorkflow<ThreeNotesWorkflow, ScenarioData>();
        host.Host.RegisterWorkflow<ChainWorkflow, ScenarioData>();
        return (host, recorder);
    }

    /// <summary>What each persist of the instance held: notes logged, steps ended, new subscriptions.</summary>
    private static List<(int Notes, int Ended, int Subscriptions)> PersistsOf(PersistRecorder recorder, string id) =>
        recorder.Persisted.Where(p => p.WorkflowId == id).Select(p => (p.Steps, p.Ended, p.Subscriptions)).ToList();

    [Fact]
    public async Task StepsThatCanRunAtOnce_ArePersistedOnce_WithEverythingTheyDid()
    {
        var (host, recorder) = await StartAsync();
        await using var _ = host;

        var id = await host.StartWorkflowAsync("three-notes", new ScenarioData());
        var done = await host.UntilFinishedAsync(id);

        done.Status.Should().Be(WorkflowStatus.Complete);
        ((ScenarioData)done.Data).Log.Should().Equal("one", "two", "three");
        PersistsOf(recorder, id).Should().Equal([(3, 3, 0)], "three steps in a row need one turn, one persist (WorkflowCore alone persists after each)");
    }

    [Fact]
    public async Task AChainThatNeverWaits_IsStillPersistedEveryMaxPasses()
    {
        var (host, recorder) = await StartAsync();
        await using var _ = host;

        var id = await host.StartWorkflowAsync("chain-of-notes", new ScenarioData());
        var done = await host.UntilFinishedAsync(id);

        ((ScenarioData)done.Data).Log.Should().Equal(Enumerable.Range(1, ChainWorkflow.Steps).Select(i => $"note {i}"));
        PersistsOf(recorder, id).Should().Equal(
            [(MaxPasses, MaxPasses, 0), (2 * MaxPasses, 2 * MaxPasses, 0), (ChainWorkflow.Steps, ChainWorkflow.Steps, 0)],
            "a step a pass, and a turn ends after MaxPasses passes");
    }

    [Fact]
    public async Task AWaitEndsTheTurn_WithItsSubscription_AndTheEventStartsTheNext()
    {
        var (host, recorder) = await StartAsync();
        await using var _ = host;
        var key = Guid.NewGuid().ToString("N");

        var id = await host.StartWorkflowAsync("scenario-human-task", new ScenarioData { Key = key });
        await host.UntilWaitingForAsync("approval", key);
        await host.Host.PublishEvent("approval", key, "approved");
        var done = await host.UntilFinishedAsync(id);

        ((ScenarioData)done.Data).Log.Should().Equal("asked", "answered");
        // The poller may queue a waiting instance again, and a turn that finds nothing to run persists it unchanged,
        // so the same state can be persisted twice; what matters is which states were ever persisted.
        PersistsOf(recorder, id).Distinct().Should().Equal(
            [(1, 1, 1), (1, 1, 0), (2, 3, 0)],
            "the first turn asks and subscribes; the event is delivered; the second turn ends the wait, notes the answer and completes");
    }

    public void Dispose() => sqlite.Dispose();
}
