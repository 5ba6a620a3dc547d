using DeepDive.Engine.Tests.Support;
using static DeepDive.Engine.Tests.Workflows.Conformance.ConformanceBuilders;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

public abstract partial class PersistenceConformance
{
    [ConformanceFact]
    public async Task CreateEvent_ThenGetEvent_ReturnsEverythingStored()
    {
        var provider = await CreateProviderAsync();

        var id = await provider.CreateEvent(Event("case-7", T0));
        var second = await provider.CreateEvent(Event("case-7", T0));
        var loaded = await provider.GetEvent(id);

        id.Should().NotBeNullOrEmpty().And.NotBe(second);
        loaded.Should().BeEquivalentTo(Event("case-7", T0), o => o.Excluding(e => e.Id).RespectingRuntimeTypes());
        loaded.Id.Should().Be(id);
        loaded.EventData.Should().BeOfType<ConformanceData>().Which.Tags.Should().Equal("x", "y");
    }

    [ConformanceFact]
    public async Task GetRunnableEvents_ReturnsUnprocessedEventsDueByThen()
    {
        var provider = await CreateProviderAsync();
        var asAt = T0.AddHours(1);
        await WaitForAsync(provider, "a", "b", "c", "d");
        var due = await provider.CreateEvent(Event("a", T0));
        var dueNow = await provider.CreateEvent(Event("b", asAt));
        var later = await provider.CreateEvent(Event("c", asAt.AddTicks(1)));
        var processed = await provider.CreateEvent(Event("d", T0, processed: true));

        var runnable = (await provider.GetRunnableEvents(asAt)).ToList();
        // WorkflowCore's poller passes its local "Now".
        var runnableAtLocal = (await provider.GetRunnableEvents(asAt.ToLocalTime())).ToList();

        runnable.Should().BeEquivalentTo([due, dueNow]).And.NotContain([later, processed]);
        runnableAtLocal.Should().BeEquivalentTo(runnable);
    }

    [ConformanceFact]
    public async Task GetEvents_ReturnsEventsToTheNameAndKey_FromAsOf_ProcessedOrNot()
    {
        var provider = await CreateProviderAsync();
        var before = await provider.CreateEvent(Event("case-7", T0.AddTicks(-1)));
        var atTime = await provider.CreateEvent(Event("case-7", T0, processed: true));
        var after = await provider.CreateEvent(Event("case-7", T0.AddDays(1)));
        await provider.CreateEvent(Event("case-8", T0));
        await provider.CreateEvent(Event("case-7", T0, eventName: "other"));

        var fromT0 = await provider.GetEvents("approval", "case-7", T0);
        // A wait without an effective date subscribes as of DateTime.MinValue and sees every earlier event.
        var fromTheStart = await provider.GetEvents("approval", "case-7", DateTime.MinValue);

        fromT0.Should().BeEquivalentTo([atTime, after]);
        fromTheStart.Should().BeEquivalentTo([before, atTime, after]);
    }

    [ConformanceFact]
    public async Task MarkEventProcessedAndUnprocessed_TakeTheEventOutOfAndBackIntoTheRunnableOnes()
    {
        var provider = await CreateProviderAsync();
        await WaitForAsync(provider, "case-7");
        var id = await provider.CreateEvent(Event("case-7", T0));

        await provider.MarkEventProcessed(id);
        var whileProcessed = (await provider.GetRunnableEvents(T0.AddHours(1))).ToList();
        // Read at once: the in-memory reference hands out its live objects.
        var processed = (await provider.GetEvent(id)).IsProcessed;
        await provider.MarkEventUnprocessed(id);
        var afterwards = (await provider.GetRunnableEvents(T0.AddHours(1))).ToList();

        whileProcessed.Should().BeEmpty();
        processed.Should().BeTrue();
        afterwards.Should().Equal(id);
        (await provider.GetEvent(id)).IsProcessed.Should().BeFalse();
    }

    [ConformanceFact]
    public async Task GetRunnableEvents_LeavesOutEventsNoWorkflowWaitsFor_UntilOneDoes()
    {
        var provider = await CreateProviderAsync();
        var id = await provider.CreateEvent(Event("case-9", T0));

        var beforeAnyWait = (await provider.GetRunnableEvents(T0.AddHours(1))).ToList();
        await WaitForAsync(provider, "case-9");
        var onceWaitedFor = (await provider.GetRunnableEvents(T0.AddHours(1))).ToList();

        // Not lost: WorkflowCore delivers earlier events when a subscription is made, and the poller then sees it.
        beforeAnyWait.Should().BeEmpty();
        onceWaitedFor.Should().Equal(id);
    }

    /// <summary>A workflow that waits for each key, so its events count as runnable in every store.</summary>
    private static async Task WaitForAsync(WorkflowCore.Interface.IPersistenceProvider provider, params string[] keys)
    {
        var workflow = await provider.CreateNewWorkflow(Instance());
        foreach (var key in keys)
        {
            await provider.CreateEventSubscription(Subscription(workflow, key, DateTime.MinValue));
        }
    }
}
