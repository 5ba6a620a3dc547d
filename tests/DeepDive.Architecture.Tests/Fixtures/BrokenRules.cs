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
}
