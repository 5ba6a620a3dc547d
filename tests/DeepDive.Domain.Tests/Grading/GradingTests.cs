using DeepDive.Domain.Grading;
using DeepDive.Domain.ReAudits;

namespace DeepDive.Domain.Tests.Grading;

public sealed class GradingTests
{
    [Theory]
    [InlineData(Grade.Outstanding, false)]
    [InlineData(Grade.Good, false)]
    [InlineData(Grade.RequiresImprovement, true)]
    [InlineData(Grade.Inadequate, true)]
    public void NeedsWork_ByDefault_IsRequiresImprovementOrInadequate(Grade grade, bool needsWork) =>
        GradingScale.NeedsWork(grade).Should().Be(needsWork);

    [Fact]
    public void Overall_IsTheRoundedMean_TiesGoingToTheWorseGrade()
    {
        GradingScale.Overall([Grade.Good, Grade.RequiresImprovement]).Should().Be(Grade.RequiresImprovement);
        GradingScale.Overall([Grade.Outstanding, Grade.Good, Grade.Good]).Should().Be(Grade.Good);
        GradingScale.Overall([Grade.Inadequate]).Should().Be(Grade.Inadequate);
    }

    [Theory]
    [InlineData("requires-improvement", Grade.RequiresImprovement)]
    [InlineData("Requires improvement", Grade.RequiresImprovement)]
    [InlineData(" GOOD ", Grade.Good)]
    public void TryParse_AcceptsTheScaleNames(string text, Grade expected)
    {
        GradingScale.TryParse(text, out var grade).Should().BeTrue();
        grade.Should().Be(expected);
    }

    [Fact]
    public void TryParse_RefusesAnythingElse() => GradingScale.TryParse("excellent", out _).Should().BeFalse();

    [Theory]
    [InlineData(Grade.Inadequate, Grade.Good, ReAuditOutcome.Improved)]
    [InlineData(Grade.RequiresImprovement, Grade.RequiresImprovement, ReAuditOutcome.Same)]
    [InlineData(Grade.RequiresImprovement, Grade.Inadequate, ReAuditOutcome.Worse)]
    public void ReAudit_IsComparedWithTheFirstFinding(Grade first, Grade again, ReAuditOutcome outcome) =>
        ReAuditComparison.Compare(first, again).Should().Be(outcome);
}
