using System.Diagnostics;

namespace DeepDive.Engine.Tests.Workflows.Nodes;

/// <summary>Waits for an outcome by asking again, with a bound, instead of sleeping a fixed time.</summary>
internal static class Poller
{
    public static async Task UntilAsync(Func<Task<bool>> done, TimeSpan timeout, Func<Task<string>> describe, Func<Task>? eachRound = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Not done after {timeout.TotalSeconds:0} s: {await describe()}");
            }

            if (eachRound is not null)
            {
                await eachRound();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }
    }
}
