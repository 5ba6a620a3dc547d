using DeepDive.Engine.Assignment;

namespace DeepDive.Engine.Tests.Assignment;

public sealed class MonthlyLoadTests
{
    [Fact]
    public void MonthOf_JustAfterMidnightOnTheFirstInSummerTime_IsTheNewLondonMonth()
    {
        // 23:30 UTC on 31 March 2027 is 00:30 on 1 April in London (British Summer Time began on 28 March).
        var (start, end) = MonthlyLoad.MonthOf(new DateTime(2027, 3, 31, 23, 30, 0, DateTimeKind.Utc), "Europe/London");

        start.Should().Be(new DateTime(2027, 3, 31, 23, 0, 0, DateTimeKind.Utc));
        end.Should().Be(new DateTime(2027, 4, 30, 23, 0, 0, DateTimeKind.Utc));
        start.Kind.Should().Be(DateTimeKind.Utc);
    }

    [Fact]
    public void MonthOf_InWinter_IsTheUtcMonth()
    {
        var (start, end) = MonthlyLoad.MonthOf(new DateTime(2027, 1, 15, 12, 0, 0, DateTimeKind.Utc), "Europe/London");

        (start, end).Should().Be((new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc)));
    }
}
