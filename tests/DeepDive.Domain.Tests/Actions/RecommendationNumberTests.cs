using DeepDive.Domain.Actions;

namespace DeepDive.Domain.Tests.Actions;

public sealed class RecommendationNumberTests
{
    [Theory]
    [InlineData("1.2", "1.2", "")]
    [InlineData("1.2 Agencies share chronologies", "1.2", "Agencies share chronologies")]
    [InlineData("3) Review the front door", "3", "Review the front door")]
    [InlineData("Recommendation 4: train staff", "4", "train staff")]
    [InlineData("2.1.3. Audit the audits", "2.1.3", "Audit the audits")]
    [InlineData("2027 plan for the front door", null, "2027 plan for the front door")]
    [InlineData("Improve supervision", null, "Improve supervision")]
    public void A_recommendation_cell_gives_its_number_and_words(string cell, string? number, string text)
    {
        var recommendation = RecommendationNumber.Parse(cell);

        recommendation.Number.Should().Be(number);
        recommendation.Text.Should().Be(text);
    }

    [Fact]
    public void Cells_name_the_same_recommendation_by_number_or_by_words_in_any_case_and_spacing()
    {
        RecommendationNumber.Parse("1.2").Key.Should().Be(RecommendationNumber.Parse("1.2 Agencies share chronologies").Key);
        RecommendationNumber.Parse("Improve  supervision").Key.Should().Be(RecommendationNumber.Parse("improve supervision ").Key);
        RecommendationNumber.Parse("1.2").Key.Should().NotBe(RecommendationNumber.Parse("1.3").Key);
        ActionKey.Normalise("  Audit\n20 strategy   MEETINGS ").Should().Be("audit 20 strategy meetings");
    }
}
