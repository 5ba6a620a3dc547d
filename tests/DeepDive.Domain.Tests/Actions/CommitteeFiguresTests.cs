using DeepDive.Domain.Actions;

namespace DeepDive.Domain.Tests.Actions;

public sealed class CommitteeFiguresTests
{
    [Theory]
    [InlineData(0, 2, 10, 6, "18 actions: 16 green or blue, 2 amber")]
    [InlineData(3, 2, 1, 0, "6 actions: 1 green or blue, 2 amber, 3 red")]
    [InlineData(1, 0, 0, 0, "1 action: 1 red")]
    [InlineData(0, 0, 0, 4, "4 actions: 4 green or blue")]
    [InlineData(2, 0, 5, 0, "7 actions: 5 green or blue, 2 red")]
    [InlineData(0, 0, 0, 0, "No actions")]
    [InlineData(0, 1200, 0, 0, "1,200 actions: 1,200 amber")]
    public void The_committee_sentence_counts_by_status_leaving_out_zero_counts(int red, int amber, int green, int blue, string expected)
    {
        new RagCounts(red, amber, green, blue).Sentence().Should().Be(expected);
    }

    [Fact]
    public void Counts_of_statuses()
    {
        var counts = RagCounts.Of([RagStatus.Red, RagStatus.Blue, RagStatus.Blue, RagStatus.Green, RagStatus.Amber, RagStatus.Blue]);

        counts.Should().Be(new RagCounts(1, 1, 1, 3));
        counts.Total.Should().Be(6);
        counts.GreenOrBlue.Should().Be(4);
        counts.Of(RagStatus.Blue).Should().Be(3);
    }

    [Theory]
    [InlineData(0, false, "0")]
    [InlineData(4, false, "4")]
    [InlineData(0, true, "fewer than 5")]
    [InlineData(1, true, "fewer than 5")]
    [InlineData(4, true, "fewer than 5")]
    [InlineData(5, true, "5")]
    [InlineData(1234, true, "1,234")]
    public void Published_counts_under_5_are_shown_as_fewer_than_5(int count, bool published, string expected)
    {
        Suppression.Count(count, published).Should().Be(expected);
    }

    [Fact]
    public void A_published_breakdown_hides_a_second_count_when_only_one_would_be_hidden()
    {
        Suppression.Breakdown([3, 20, 12, 6], published: true).Should().Equal("fewer than 5", "20", "12", "not shown");
        Suppression.Breakdown([3, 20, 2, 6], published: true).Should().Equal("fewer than 5", "20", "fewer than 5", "6");
        Suppression.Breakdown([8, 20, 12, 6], published: true).Should().Equal("8", "20", "12", "6");
        Suppression.Breakdown([3, 20, 12, 6], published: false).Should().Equal("3", "20", "12", "6");
        Suppression.Breakdown([3], published: true).Should().Equal("fewer than 5");
    }

    [Fact]
    public void A_period_reads_from_two_dates_and_covers_whole_UK_days()
    {
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        ReportingPeriod.TryParse("2027-04-01..2027-06-30", out var period, out var problem).Should().BeTrue(problem);

        period!.Label.Should().Be("1 April 2027 to 30 June 2027");
        period.Start(london).UtcDateTime.Should().Be(new DateTime(2027, 3, 31, 23, 0, 0), "1 April is in summer time");
        period.End(london).UtcDateTime.Should().Be(new DateTime(2027, 6, 30, 23, 0, 0));
        period.Contains(new DateOnly(2027, 6, 30)).Should().BeTrue();
        period.Contains(new DateOnly(2027, 7, 1)).Should().BeFalse();
    }

    [Theory]
    [InlineData("2027-04-01", "write it as from..to")]
    [InlineData("2027-04-31..2027-06-30", "start '2027-04-31' is not a date")]
    [InlineData("2027-04-01..30/06/2027", "end '30/06/2027' is not a date")]
    [InlineData("2027-06-30..2027-04-01", "ends on 2027-04-01, before it starts on 2027-06-30")]
    public void A_period_that_cannot_be_read_says_why(string text, string reason)
    {
        ReportingPeriod.TryParse(text, out var period, out var problem).Should().BeFalse();
        period.Should().BeNull();
        problem.Should().Contain(reason);
    }
}
