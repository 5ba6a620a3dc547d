using DeepDive.Domain.Actions;

namespace DeepDive.Domain.Tests.Actions;

public sealed class StatusHistoryTests
{
    private sealed record Change(DateTime At, RagStatus Status);

    private static DateTime Day(int month, int day, int hour = 0) => new(2027, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static readonly Change[] History =
    [
        new(Day(2, 1), RagStatus.Green),
        new(Day(4, 10), RagStatus.Amber),
        new(Day(6, 30, 9), RagStatus.Red),
        new(Day(8, 1), RagStatus.Blue),
    ];

    private static RagStatus? At(IEnumerable<Change> history, DateTime instant) => StatusHistory.InForceBefore(history, c => c.At, instant)?.Status;

    [Fact]
    public void The_status_at_a_moment_is_the_last_one_recorded_before_it()
    {
        At(History, Day(3, 31)).Should().Be(RagStatus.Green);
        At(History, Day(4, 10)).Should().Be(RagStatus.Green, "a change at the very instant is not yet in force");
        At(History, Day(4, 10, 1)).Should().Be(RagStatus.Amber);
        At(History, Day(7, 1)).Should().Be(RagStatus.Red);
        At(History, Day(12, 31)).Should().Be(RagStatus.Blue);
    }

    [Fact]
    public void A_history_that_begins_after_the_moment_counts_with_its_earliest_status()
    {
        At(History, Day(1, 1)).Should().Be(RagStatus.Green);
        At(History.Skip(1).Reverse(), Day(1, 1)).Should().Be(RagStatus.Amber, "the order given does not matter, the times do");
    }

    [Fact]
    public void Of_two_changes_at_the_same_time_the_later_given_wins()
    {
        Change[] sameTime = [new(Day(5, 1), RagStatus.Amber), new(Day(5, 1), RagStatus.Red)];
        At(sameTime, Day(5, 2)).Should().Be(RagStatus.Red);
    }

    [Fact]
    public void No_history_has_no_status()
    {
        At([], Day(5, 1)).Should().BeNull();
    }
}
