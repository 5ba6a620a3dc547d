using DeepDive.Domain.Cycles;

namespace DeepDive.Domain.Tests.Cycles;

public sealed class CycleRulesTests
{
    [Theory]
    [InlineData("2027-03-04", 5, "2027-03-11")] // Thursday: the next Thursday
    [InlineData("2027-03-01", 5, "2027-03-08")] // Monday: the next Monday
    [InlineData("2027-03-06", 5, "2027-03-12")] // Saturday: Friday
    [InlineData("2027-03-05", 1, "2027-03-08")] // Friday: Monday
    public void Weekdays_Add_CountsMondayToFriday(string start, int days, string expected)
    {
        Weekdays.Add(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), days)
            .Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(CycleStatus.Active, CycleAction.Pause, null, CycleStatus.Paused)]
    [InlineData(CycleStatus.Paused, CycleAction.Pause, null, CycleStatus.Paused)]
    [InlineData(CycleStatus.Paused, CycleAction.Resume, null, CycleStatus.Active)]
    [InlineData(CycleStatus.Active, CycleAction.Resume, "cycle 'c' is not paused", CycleStatus.Active)]
    [InlineData(CycleStatus.Paused, CycleAction.Retire, null, CycleStatus.Retired)]
    [InlineData(CycleStatus.Retired, CycleAction.Retire, null, CycleStatus.Retired)]
    [InlineData(CycleStatus.Retired, CycleAction.Resume, "cycle 'c' is retired and cannot be resumed; add a cycle with a new id instead", CycleStatus.Retired)]
    [InlineData(CycleStatus.Retired, CycleAction.Edit, "cycle 'c' is retired and cannot be edited; add a cycle with a new id instead", CycleStatus.Retired)]
    [InlineData(CycleStatus.Paused, CycleAction.RunRapid, null, CycleStatus.Paused)]
    public void Status_Transitions(string from, CycleAction action, string? refusal, string after)
    {
        CycleStatus.Refusal("c", from, action).Should().Be(refusal);
        if (refusal is null)
        {
            CycleStatus.After(from, action).Should().Be(after);
        }
    }
}
