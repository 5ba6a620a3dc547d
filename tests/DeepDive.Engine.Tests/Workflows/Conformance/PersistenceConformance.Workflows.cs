using DeepDive.Engine.Tests.Support;
using WorkflowCore.Models;
using static DeepDive.Engine.Tests.Workflows.Conformance.ConformanceBuilders;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

public abstract partial class PersistenceConformance
{
    [ConformanceFact]
    public async Task CreateNewWorkflow_ThenGetWorkflowInstance_ReturnsEverythingStored()
    {
        var provider = await CreateProviderAsync();

        var id = await provider.CreateNewWorkflow(Instance());
        var loaded = await provider.GetWorkflowInstance(id);

        id.Should().NotBeNullOrEmpty();
        var expected = Instance();
        expected.Id = id;
        loaded.Should().BeEquivalentTo(expected, o => o.RespectingRuntimeTypes());
        loaded.Data.Should().BeOfType<ConformanceData>().Which.Tags.Should().Equal("a", "b");
        var waiting = loaded.ExecutionPointers.FindById("p-2");
        waiting.EventData.Should().BeOfType<ConformanceData>().Which.Name.Should().Be("event");
        waiting.ContextItem.Should().BeOfType<ConformanceData>().Which.Count.Should().Be(3);
        waiting.Scope.Should().Equal("p-1", "p-0");
        var completed = loaded.ExecutionPointers.FindById("p-1");
        completed.PersistenceData.Should().BeOfType<ControlPersistenceData>().Which.ChildrenActive.Should().BeTrue();
        completed.ExtensionAttributes.Should().Equal(new Dictionary<string, object> { ["attempt"] = 3, ["note"] = "checked" });
        completed.Outcome.Should().Be("approved");
    }

    [ConformanceFact]
    public async Task CreateNewWorkflow_GivesEachInstanceItsOwnId()
    {
        var provider = await CreateProviderAsync();

        var first = await provider.CreateNewWorkflow(Instance());
        var second = await provider.CreateNewWorkflow(Instance());

        second.Should().NotBe(first);
        (await provider.GetWorkflowInstance(second)).Id.Should().Be(second);
    }

    [ConformanceFact]
    public async Task PersistWorkflow_StoresStatusNextExecutionDataAndTimes()
    {
        var provider = await CreateProviderAsync();
        var id = await provider.CreateNewWorkflow(Instance());
        var loaded = await provider.GetWorkflowInstance(id);

        loaded.Status = WorkflowStatus.Complete;
        loaded.NextExecution = null;
        loaded.CompleteTime = T0.AddDays(1);
        loaded.Description = "finished";
        loaded.Data = new ConformanceData { Name = "second", Count = 9, Tags = ["c"] };
        await provider.PersistWorkflow(loaded);
        var reloaded = await provider.GetWorkflowInstance(id);

        reloaded.Status.Should().Be(WorkflowStatus.Complete);
        reloaded.NextExecution.Should().BeNull();
        reloaded.CompleteTime.Should().Be(T0.AddDays(1));
        reloaded.CreateTime.Should().Be(T0);
        reloaded.Description.Should().Be("finished");
        reloaded.Data.Should().BeEquivalentTo(new ConformanceData { Name = "second", Count = 9, Tags = ["c"] });
        reloaded.ExecutionPointers.Select(p => p.Id).Should().BeEquivalentTo(["p-1", "p-2"]);
    }

    [ConformanceFact]
    public async Task PersistWorkflow_StoresAPointerAddedLater_AndUpdatesAChangedOne()
    {
        var provider = await CreateProviderAsync();
        var id = await provider.CreateNewWorkflow(Instance());
        var loaded = await provider.GetWorkflowInstance(id);

        var waiting = loaded.ExecutionPointers.FindById("p-2");
        waiting.Active = false;
        waiting.Status = PointerStatus.Complete;
        waiting.EndTime = T0.AddMinutes(5);
        waiting.Children.Add("p-3");
        loaded.ExecutionPointers.Add(NewPointer("p-3", "p-2"));
        loaded.NextExecution = T0.AddMinutes(5).Ticks;
        await provider.PersistWorkflow(loaded);
        var reloaded = await provider.GetWorkflowInstance(id);

        reloaded.ExecutionPointers.Select(p => p.Id).Should().BeEquivalentTo(["p-1", "p-2", "p-3"]);
        var changed = reloaded.ExecutionPointers.FindById("p-2");
        changed.Active.Should().BeFalse();
        changed.Status.Should().Be(PointerStatus.Complete);
        changed.EndTime.Should().Be(T0.AddMinutes(5));
        changed.Children.Should().Equal("p-3");
        reloaded.ExecutionPointers.FindById("p-3").Should().BeEquivalentTo(NewPointer("p-3", "p-2"));
        reloaded.ExecutionPointers.FindById("p-1").Should().BeEquivalentTo(CompletedPointer(), o => o.RespectingRuntimeTypes());
        reloaded.NextExecution.Should().Be(T0.AddMinutes(5).Ticks);
    }

    [ConformanceFact]
    public async Task PersistWorkflow_AgainAndAgainOnTheSameObjects_StoresEachChange()
    {
        var provider = await CreateProviderAsync();
        var workflow = Instance();
        var id = await provider.CreateNewWorkflow(workflow);

        // The engine keeps working on the objects it created and loaded, persisting after every step.
        workflow.ExecutionPointers.FindById("p-2").RetryCount = 3;
        await provider.PersistWorkflow(workflow);
        workflow.ExecutionPointers.Add(NewPointer("p-3", "p-2"));
        await provider.PersistWorkflow(workflow);
        workflow.ExecutionPointers.FindById("p-3").Status = PointerStatus.Running;
        workflow.ExecutionPointers.FindById("p-2").RetryCount = 4;
        await provider.PersistWorkflow(workflow);
        var reloaded = await provider.GetWorkflowInstance(id);

        reloaded.ExecutionPointers.FindById("p-2").RetryCount.Should().Be(4);
        reloaded.ExecutionPointers.FindById("p-3").Status.Should().Be(PointerStatus.Running);
    }

    [ConformanceFact]
    public async Task GetWorkflowInstance_ReturnsThePointersInTheOrderTheyWereAdded()
    {
        var provider = await CreateProviderAsync();
        var id = await provider.CreateNewWorkflow(Instance());
        var loaded = await provider.GetWorkflowInstance(id);

        // The engine runs the active pointers of a pass in collection order: parallel branches, for-each items, compensation.
        loaded.ExecutionPointers.Add(NewPointer("z-3", "p-2"));
        loaded.ExecutionPointers.Add(NewPointer("a-4", "p-2"));
        await provider.PersistWorkflow(loaded);
        var again = await provider.GetWorkflowInstance(id);
        again.ExecutionPointers.FindById("p-1").RetryCount = 1;
        again.ExecutionPointers.FindById("z-3").Active = false;
        again.ExecutionPointers.Add(NewPointer("m-5", "a-4"));
        await provider.PersistWorkflow(again);
        var reloaded = await provider.GetWorkflowInstance(id);

        reloaded.ExecutionPointers.Select(p => p.Id).Should().Equal("p-1", "p-2", "z-3", "a-4", "m-5");
    }

    [ConformanceFact]
    public async Task PersistWorkflowWithSubscriptions_StoresTheSubscriptionsWithTheWorkflow()
    {
        var provider = await CreateProviderAsync();
        var id = await provider.CreateNewWorkflow(Instance());
        var loaded = await provider.GetWorkflowInstance(id);
        loaded.NextExecution = null;
        var subscriptions = new List<EventSubscription> { Subscription(id, "case-7", T0), Subscription(id, "case-8", T0) };

        await provider.PersistWorkflow(loaded, subscriptions);

        subscriptions.Should().OnlyContain(s => !string.IsNullOrEmpty(s.Id));
        subscriptions.Select(s => s.Id).Should().OnlyHaveUniqueItems();
        var found = (await provider.GetSubscriptions("approval", "case-7", T0)).Should().ContainSingle().Subject;
        found.Should().BeEquivalentTo(Subscription(id, "case-7", T0), o => o.Excluding(s => s.Id).RespectingRuntimeTypes());
        found.Id.Should().Be(subscriptions[0].Id);
        (await provider.GetSubscription(subscriptions[1].Id)).EventKey.Should().Be("case-8");
        (await provider.GetWorkflowInstance(id)).NextExecution.Should().BeNull();
    }

    [ConformanceFact]
    public async Task GetRunnableInstances_ReturnsRunnableInstancesDueByThen()
    {
        var provider = await CreateProviderAsync();
        var asAt = T0.AddHours(1);
        var due = await provider.CreateNewWorkflow(Instance(nextExecution: T0.Ticks));
        var dueNow = await provider.CreateNewWorkflow(Instance(nextExecution: asAt.Ticks));
        var fresh = await provider.CreateNewWorkflow(Instance(nextExecution: 0));
        var later = await provider.CreateNewWorkflow(Instance(nextExecution: asAt.AddTicks(1).Ticks));
        var idle = await provider.CreateNewWorkflow(Instance(nextExecution: null));
        var complete = await provider.CreateNewWorkflow(Instance(WorkflowStatus.Complete, T0.Ticks));
        var suspended = await provider.CreateNewWorkflow(Instance(WorkflowStatus.Suspended, T0.Ticks));
        var terminated = await provider.CreateNewWorkflow(Instance(WorkflowStatus.Terminated, T0.Ticks));

        var runnable = (await provider.GetRunnableInstances(asAt)).ToList();
        // WorkflowCore's poller passes its local "Now".
        var runnableAtLocal = (await provider.GetRunnableInstances(asAt.ToLocalTime())).ToList();

        runnable.Should().Contain([due, dueNow, fresh]).And.NotContain([later, idle]);
        runnableAtLocal.Should().BeEquivalentTo(runnable);
        if (RunnableInstancesAreOnlyRunnable)
        {
            runnable.Should().BeEquivalentTo([due, dueNow, fresh]).And.NotContain([complete, suspended, terminated]);
        }
    }

    [ConformanceFact]
    public async Task GetWorkflowInstances_ReturnsTheInstancesAskedFor()
    {
        var provider = await CreateProviderAsync();
        var first = await provider.CreateNewWorkflow(Instance());
        await provider.CreateNewWorkflow(Instance());
        var third = await provider.CreateNewWorkflow(Instance(WorkflowStatus.Complete));

        var found = (await provider.GetWorkflowInstances([first, third, "no-such-instance"])).ToList();

        found.Select(w => w.Id).Should().BeEquivalentTo([first, third]);
        found.Single(w => w.Id == third).Status.Should().Be(WorkflowStatus.Complete);
        found.Should().OnlyContain(w => w.ExecutionPointers.Count == 2);
        (await provider.GetWorkflowInstances([])).Should().BeEmpty();
    }

    [ConformanceFact]
    public async Task GetWorkflowInstances_ByStatusTypeAndCreateTime_FiltersThem()
    {
        var provider = await CreateProviderAsync();
        var early = Instance();
        early.CreateTime = T0.AddDays(-1);
        await provider.CreateNewWorkflow(early);
        var inRange = await provider.CreateNewWorkflow(Instance());
        await provider.CreateNewWorkflow(Instance(WorkflowStatus.Complete));
        var other = Instance();
        other.WorkflowDefinitionId = "other";
        await provider.CreateNewWorkflow(other);

#pragma warning disable CS0612 // WorkflowCore marks the query obsolete; its callers still use it.
        var found = await provider.GetWorkflowInstances(WorkflowStatus.Runnable, "conformance", T0, T0.AddDays(1), 0, 10);
        var all = await provider.GetWorkflowInstances(null, null!, null, null, 0, 10);
#pragma warning restore CS0612

        found.Select(w => w.Id).Should().Equal(inRange);
        all.Should().HaveCount(4);
    }
}
