using Quartz;

// Deliberately broken code: the negative tests point each checker at these namespaces to show the checker reports them.
namespace DeepDive.Architecture.Tests.Fixtures.ClockReader
{
    public sealed class ReadsTheClock
    {
        public DateTime Stamp() => DateTime.UtcNow;

        public TimeProvider Clock() => TimeProvider.System;
    }
}

namespace DeepDive.Architecture.Tests.Fixtures.QuartzUser
{
    public sealed class HoldsAScheduler(IScheduler scheduler)
    {
        public IScheduler Scheduler { get; } = scheduler;
    }
}

namespace DeepDive.Architecture.Tests.Fixtures.Commands
{
    public sealed class FixtureStore;

    public sealed class BuildsAStore
    {
        public async Task<object> RunAsync()
        {
            await Task.Yield();
            return new FixtureStore();
        }
    }

    /// <summary>The outbox is a store by what it is built on (a database), not by its name.</summary>
    public sealed class BuildsTheOutbox
    {
        public object Build() => new DeepDive.Engine.Notifications.Outbox(DeepDive.Engine.Storage.Database.Open("never.db"), TimeProvider.System);
    }
}
