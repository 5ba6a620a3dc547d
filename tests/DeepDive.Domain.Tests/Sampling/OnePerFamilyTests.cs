using DeepDive.Domain.Sampling;

namespace DeepDive.Domain.Tests.Sampling;

public sealed class OnePerFamilyTests
{
    [Theory]
    [InlineData(RankVersion.Sha256V1)]
    [InlineData(RankVersion.SipHashV2)]
    public void Offer_KeepsTheBestRankedCaseOfEachFamily_AndEveryCaseWithoutOne_InOrder(RankVersion version)
    {
        // Cases without a family first, then families side by side: the order the population query gives.
        var cases = new (string Ref, string? Family)[]
        {
            ("A-1", null), ("A-2", null), ("B-1", "F1"), ("B-2", "F1"), ("B-3", "F1"), ("C-1", "F2"), ("D-1", "F3"), ("D-2", "F3"),
        };
        for (var seed = 1L; seed <= 50; seed++)
        {
            var filter = new OnePerFamily<string>(seed, r => r, version);
            var kept = new List<string>();
            foreach (var (r, f) in cases)
            {
                filter.Offer(r, f, kept);
            }

            filter.Finish(kept);

            string Best(params string[] family) => family.MinBy(r => (CaseRank.Of(version, seed, r), r))!;
            kept.Should().Equal("A-1", "A-2", Best("B-1", "B-2", "B-3"), "C-1", Best("D-1", "D-2"));
            filter.Excluded.Should().Be(3);
        }
    }
}
