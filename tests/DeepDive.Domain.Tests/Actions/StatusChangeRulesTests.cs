using DeepDive.Domain.Actions;

namespace DeepDive.Domain.Tests.Actions;

public sealed class StatusChangeRulesTests
{
    [Fact]
    public void Completing_needs_evidence_or_a_written_justification()
    {
        StatusChangeRules.Check(RagStatus.Blue, null, null, false).Should().ContainSingle()
            .Which.Should().Be(new ActionProblem("evidence", "Enter the evidence that the action is complete, or a comment justifying closing it without evidence"));
        StatusChangeRules.Check(RagStatus.Blue, " ", "", false).Should().ContainSingle().Which.Field.Should().Be("evidence");
        StatusChangeRules.Check(RagStatus.Blue, null, "Audit of 20 strategy meetings, May 2027", false).Should().BeEmpty();
        StatusChangeRules.Check(RagStatus.Blue, "Superseded by the new front door protocol", null, false).Should().BeEmpty();
    }

    [Theory]
    [InlineData(RagStatus.Red, "Enter a comment saying why the action is red")]
    [InlineData(RagStatus.Amber, "Enter a comment saying why the action is amber")]
    public void Red_and_amber_need_a_comment(RagStatus status, string message)
    {
        StatusChangeRules.Check(status, null, "some evidence", false).Should().Equal(new ActionProblem("comment", message));
        StatusChangeRules.Check(status, "Training postponed to September", null, false).Should().BeEmpty();
    }

    [Fact]
    public void Green_needs_nothing()
    {
        StatusChangeRules.Check(RagStatus.Green, null, null, false).Should().BeEmpty();
    }

    [Fact]
    public void An_overdue_action_without_a_recovery_plan_cannot_be_rated_amber_or_green_but_can_be_red_or_closed()
    {
        StatusChangeRules.Check(RagStatus.Green, null, null, true).Should().ContainSingle().Which.Field.Should().Be("status");
        StatusChangeRules.Check(RagStatus.Amber, "late", null, true).Should().ContainSingle()
            .Which.Message.Should().Contain("add a recovery plan or change its due date");
        StatusChangeRules.Check(RagStatus.Red, "late", null, true).Should().BeEmpty();
        StatusChangeRules.Check(RagStatus.Blue, null, "done", true).Should().BeEmpty();
    }
}
