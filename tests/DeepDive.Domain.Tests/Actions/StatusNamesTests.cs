using DeepDive.Domain.Actions;

namespace DeepDive.Domain.Tests.Actions;

public sealed class StatusNamesTests
{
    [Theory]
    [InlineData("red", RagStatus.Red)]
    [InlineData("Amber", RagStatus.Amber)]
    [InlineData(" GREEN ", RagStatus.Green)]
    [InlineData("bLuE", RagStatus.Blue)]
    public void A_status_reads_in_any_case(string text, RagStatus expected)
    {
        RagStatuses.TryParse(text, out var status).Should().BeTrue();
        status.Should().Be(expected);
        RagStatuses.Parse(RagStatuses.Name(status)).Should().Be(expected);
    }

    [Theory]
    [InlineData("grey")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("complete")]
    public void Anything_else_is_not_a_status(string? text)
    {
        RagStatuses.TryParse(text, out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("rapid review", ReviewType.RapidReview)]
    [InlineData("Rapid-Review", ReviewType.RapidReview)]
    [InlineData("LCSPR", ReviewType.PracticeReview)]
    [InlineData("Local child safeguarding practice review", ReviewType.PracticeReview)]
    [InlineData("serious_case_review", ReviewType.SeriousCaseReview)]
    [InlineData("SCR", ReviewType.SeriousCaseReview)]
    [InlineData("Thematic", ReviewType.ThematicReview)]
    [InlineData("peer  review", ReviewType.PeerReview)]
    public void A_review_type_reads_as_spreadsheets_write_it(string text, ReviewType expected)
    {
        ReviewTypes.TryParse(text, out var type).Should().BeTrue();
        type.Should().Be(expected);
        ReviewTypes.Parse(ReviewTypes.Name(type)).Should().Be(expected);
    }

    [Fact]
    public void An_unknown_review_type_is_refused_with_the_accepted_ones()
    {
        ReviewTypes.TryParse("domestic homicide review", out _).Should().BeFalse();
        var act = () => ReviewTypes.Parse("domestic homicide review");
        act.Should().Throw<ArgumentException>().WithMessage("*rapid review, LCSPR*peer review*");
    }

    [Fact]
    public void A_review_on_hold_needs_its_reason_and_no_other_status_does()
    {
        ReviewStatuses.Problem(ReviewStatus.OnHold, null).Should().StartWith("Enter why the review is on hold");
        ReviewStatuses.Problem(ReviewStatus.OnHold, "  ").Should().NotBeNull();
        ReviewStatuses.Problem(ReviewStatus.OnHold, "coroner's inquest").Should().BeNull();
        ReviewStatuses.All.Where(s => s != ReviewStatus.OnHold).Should().OnlyContain(s => ReviewStatuses.Problem(s, null) == null);
    }

    [Theory]
    [InlineData("on hold", ReviewStatus.OnHold)]
    [InlineData("Awaiting-Sign-Off", ReviewStatus.AwaitingSignOff)]
    [InlineData("in progress", ReviewStatus.InProgress)]
    public void A_review_status_reads_with_spaces_or_hyphens(string text, ReviewStatus expected)
    {
        ReviewStatuses.Parse(text).Should().Be(expected);
    }
}
