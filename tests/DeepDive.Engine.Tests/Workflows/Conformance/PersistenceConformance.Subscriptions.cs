using DeepDive.Engine.Tests.Support;
using WorkflowCore.Models;
using static DeepDive.Engine.Tests.Workflows.Conformance.ConformanceBuilders;

namespace DeepDive.Engine.Tests.Workflows.Conformance;

public abstract partial class PersistenceConformance
{
    [ConformanceFact]
    public async Task GetSubscriptions_ReturnsOpenSubscriptionsToTheNameAndKey_TakenOutByThen()
    {
        var provider = await CreateProviderAsync();
        var id = await provider.CreateNewWorkflow(Instance());
        var asOf = T0.AddHours(1);
        var early = await provider.CreateEventSubscription(Subscription(id, "case-7", DateTime.MinValue));
        var atTime = await provider.CreateEventSubscription(Subscription(id, "case-7", asOf));
        await provider.CreateEventSubscription(Subscription(id, "case-7", asOf.AddTicks(1)));
        await provider.CreateEventSubscription(Subscription(id, "case-8", T0));
        await provider.CreateEventSubscription(Subscription(id, "case-7", T0, eventName: "other"));
        var terminated = await provider.CreateEventSubscription(Subscription(id, "case-7", T0));
        await provider.TerminateSubscription(terminated);

        var found = (await provider.GetSubscriptions("approval", "case-7", asOf)).ToList();

        found.Select(s => s.Id).Should().BeEquivalentTo([early, atTime]);
        found.Single(s => s.Id == atTime).Should().BeEquivalentTo(Subscription(id, "case-7", asOf),
            o => o.Excluding(s => s.Id).RespectingRuntimeTypes());
    }

    [ConformanceFact]
    public async Task CreateEventSubscription_GivesEachItsOwnId()
    {
        var provider = await CreateProviderAsync();
        var id = await provider.CreateNewWorkflow(Instance());
        var subscription = Subscription(id, "case-7", T0);

        var first = await provider.CreateEventSubscription(subscription);
        var second = await provider.CreateEventSubscription(Subscription(id, "case-7", T0));

        first.Should().NotBeNullOrEmpty().And.Be(subscription.Id).And.NotBe(second);
    }

    [ConformanceFact]
    public async Task GetSubscription_ReturnsTheStoredSubscription_AndNullOnceTerminated()
    {
        var provider = await CreateProviderAsync();
        var id = await provider.CreateNewWorkflow(Instance());
        var subscriptionId = await provider.CreateEventSubscription(Subscription(id, "case-7", T0));

        var found = await provider.GetSubscription(subscriptionId);
        await provider.TerminateSubscription(subscriptionId);
        var afterTermination = await provider.GetSubscription(subscriptionId);

        found.Should().BeEquivalentTo(Subscription(id, "case-7", T0), o => o.Excluding(s => s.Id).RespectingRuntimeTypes());
        found.Id.Should().Be(subscriptionId);
        // The engine reads null as "this activity was already processed".
        afterTermination.Should().BeNull();
        (await provider.GetSubscriptions("approval", "case-7", T0)).Should().BeEmpty();
    }

    [ConformanceFact]
    public async Task GetFirstOpenSubscription_SkipsTakenTerminatedLaterAndOtherSubscriptions()
    {
        var provider = await CreateProviderAsync();
        var id = await provider.CreateNewWorkflow(Instance());
        var asOf = T0.AddHours(1);
        var taken = await provider.CreateEventSubscription(Subscription(id, "worker", T0));
        (await provider.SetSubscriptionToken(taken, "token-1", "worker-1", asOf.AddMinutes(5))).Should().BeTrue();
        var terminated = await provider.CreateEventSubscription(Subscription(id, "worker", T0));
        await provider.TerminateSubscription(terminated);
        await provider.CreateEventSubscription(Subscription(id, "worker", asOf.AddTicks(1)));
        await provider.CreateEventSubscription(Subscription(id, "other", T0));
        var open = await provider.CreateEventSubscription(Subscription(id, "worker", asOf));

        var first = await provider.GetFirstOpenSubscription("approval", "worker", asOf);
        await provider.TerminateSubscription(open);
        var none = await provider.GetFirstOpenSubscription("approval", "worker", asOf);

        first.Id.Should().Be(open);
        none.Should().BeNull();
    }

    [ConformanceFact]
    public async Task SetSubscriptionToken_TakesTheSubscriptionForOneWorker()
    {
        var provider = await CreateProviderAsync();
        var id = await provider.CreateNewWorkflow(Instance());
        var subscriptionId = await provider.CreateEventSubscription(Subscription(id, "worker", T0));
        var expiry = T0.AddMinutes(10);

        var granted = await provider.SetSubscriptionToken(subscriptionId, "token-1", "worker-1", expiry);
        var taken = await provider.GetSubscription(subscriptionId);

        granted.Should().BeTrue();
        taken.ExternalToken.Should().Be("token-1");
        taken.ExternalWorkerId.Should().Be("worker-1");
        taken.ExternalTokenExpiry.Should().Be(expiry);
        if (TokenIsGrantedOnce)
        {
            (await provider.SetSubscriptionToken(subscriptionId, "token-2", "worker-2", expiry)).Should().BeFalse();
            var stillFirst = await provider.GetSubscription(subscriptionId);
            stillFirst.ExternalToken.Should().Be("token-1");
            stillFirst.ExternalWorkerId.Should().Be("worker-1");
        }
    }

    [ConformanceFact]
    public async Task ClearSubscriptionToken_ReleasesTheSubscriptionForTheNextWorker()
    {
        var provider = await CreateProviderAsync();
        var id = await provider.CreateNewWorkflow(Instance());
        var subscriptionId = await provider.CreateEventSubscription(Subscription(id, "worker", T0));
        await provider.SetSubscriptionToken(subscriptionId, "token-1", "worker-1", T0.AddMinutes(10));

        if (ClearingWithAnotherTokenIsIgnored)
        {
            await provider.ClearSubscriptionToken(subscriptionId, "token-of-someone-else");
            (await provider.GetSubscription(subscriptionId)).ExternalToken.Should().Be("token-1");
        }

        await provider.ClearSubscriptionToken(subscriptionId, "token-1");

        // Checked at once: the in-memory reference hands out its live objects.
        var released = await provider.GetSubscription(subscriptionId);
        released.ExternalToken.Should().BeNull();
        released.ExternalWorkerId.Should().BeNull();
        released.ExternalTokenExpiry.Should().BeNull();
        (await provider.GetFirstOpenSubscription("approval", "worker", T0)).Id.Should().Be(subscriptionId);
        (await provider.SetSubscriptionToken(subscriptionId, "token-2", "worker-2", T0.AddMinutes(20))).Should().BeTrue();
        (await provider.GetSubscription(subscriptionId)).ExternalWorkerId.Should().Be("worker-2");
    }

    [ConformanceFact]
    public async Task DeliveringAnEvent_AsTheEventConsumerDoes_LeavesThePointerPublishedAndTheSubscriptionClosed()
    {
        var provider = await CreateProviderAsync();
        var id = await provider.CreateNewWorkflow(InstanceWaitingForItsEvent());
        var subscriptionId = await provider.CreateEventSubscription(Subscription(id, "case-7", T0));

        // WorkflowCore's event consumer: read the open subscriptions, give the event to the pointer, persist, terminate.
        var subscription = (await provider.GetSubscriptions("approval", "case-7", T0)).Single();
        var workflow = await provider.GetWorkflowInstance(subscription.WorkflowId);
        Deliver(workflow.ExecutionPointers.FindById(subscription.ExecutionPointerId));
        await provider.PersistWorkflow(workflow);
        await provider.TerminateSubscription(subscription.Id);

        subscription.Id.Should().Be(subscriptionId);
        (await provider.GetSubscriptions("approval", "case-7", T0)).Should().BeEmpty();
        (await provider.GetSubscription(subscriptionId)).Should().BeNull();
        var stored = (await provider.GetWorkflowInstance(id)).ExecutionPointers.FindById("p-2");
        stored.EventPublished.Should().BeTrue();
        stored.EventData.Should().BeOfType<ConformanceData>().Which.Name.Should().Be("event");
    }

    /// <summary>The conformance instance with its waiting pointer not yet given its event.</summary>
    protected static WorkflowInstance InstanceWaitingForItsEvent()
    {
        var instance = Instance();
        var waiting = instance.ExecutionPointers.FindById("p-2");
        waiting.EventPublished = false;
        waiting.EventData = null;
        waiting.Active = false;
        return instance;
    }

    /// <summary>What WorkflowCore's event consumer does to the pointer an event is delivered to.</summary>
    protected static void Deliver(ExecutionPointer pointer)
    {
        pointer.EventData = new ConformanceData { Name = "event", Count = 2, Tags = ["e"] };
        pointer.EventPublished = true;
        pointer.Active = true;
    }
}
