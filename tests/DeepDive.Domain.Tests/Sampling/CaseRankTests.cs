using System.Security.Cryptography;
using System.Text;
using DeepDive.Domain.Sampling;

namespace DeepDive.Domain.Tests.Sampling;

public sealed class CaseRankTests
{
    [Theory]
    // The reference vectors of SipHash-2-4 (key 00 01 .. 0f, message 00 01 .. len-1), as the SipHash paper's
    // vectors.h gives them and Rust's std SipHasher reproduces.
    [InlineData(0, 0x726fdb47dd0e0e31UL)]
    [InlineData(1, 0x74f839c593dc67fdUL)]
    [InlineData(7, 0xab0200f58b01d137UL)]
    [InlineData(8, 0x93f5f5799a932462UL)]
    [InlineData(15, 0xa129ca6149be45e5UL)]
    [InlineData(63, 0x958a324ceb064572UL)]
    public void SipHash24_GivesTheReferenceVectors(int length, ulong expected)
    {
        var message = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

        CaseRank.SipHash24(0x0706050403020100UL, 0x0f0e0d0c0b0a0908UL, message).Should().Be(expected);
    }

    [Theory]
    // Computed outside .NET: Rust's std SipHasher::new_with_keys(seed as u64, 0) over the UTF-8 reference.
    [InlineData(42, "CSC-2025-0000123", 14737503968177647348UL)]
    [InlineData(20270301, "POLICE-2024-0999999", 3090970687643023544UL)]
    [InlineData(-7, "A", 3409591369134336724UL)]
    [InlineData(0, "", 2202906307356721367UL)]
    public void Version2_IsSipHashKeyedByTheSeed_OfTheUtf8Reference(long seed, string caseRef, ulong expected)
    {
        CaseRank.Of(RankVersion.SipHashV2, seed, caseRef).Should().Be(expected);
    }

    [Theory]
    // Computed outside .NET: Python's hashlib.sha256(struct.pack('<q', seed) + ref.encode()), first 8 bytes big-endian.
    [InlineData(42, "CSC-2025-0000123", 3970690960382203334UL)]
    [InlineData(20270301, "POLICE-2024-0999999", 17046707234291570228UL)]
    [InlineData(-7, "A", 2450100050168333051UL)]
    public void Version1_StaysTheSha256Rank_SoEarlierDrawsCanBeRepeated(long seed, string caseRef, ulong expected)
    {
        CaseRank.Of(RankVersion.Sha256V1, seed, caseRef).Should().Be(expected);
        SeededSampler.Rank(seed, caseRef).Should().Be(expected);
    }

    [Fact]
    public void Version2_OfALongOrNonAsciiReference_HashesItsUtf8Bytes()
    {
        var longRef = new string('x', 1000) + "é";
        var bytes = Encoding.UTF8.GetBytes(longRef);

        CaseRank.Of(RankVersion.SipHashV2, 5, longRef).Should().Be(CaseRank.SipHash24(5, 0, bytes));
    }

    [Fact]
    public void SeededSampler_RecordsTheRankVersionItDrewWith()
    {
        var v1 = new SeededSampler(1, 2, 0);
        var v2 = new SeededSampler(1, 2, 0, RankVersion.SipHashV2);
        foreach (var c in Enumerable.Range(1, 50).Select(i => $"C{i:D3}"))
        {
            v1.Offer(c);
            v2.Offer(c);
        }

        v1.Finish().Algorithm.Should().Be("sha256-rank-v1");
        v2.Finish().Algorithm.Should().Be("siphash-rank-v2");
    }

    [Fact]
    public void Version2_OverManySeeds_SelectsEveryCaseEquallyOften()
    {
        // As for version 1: 20 cases, 5 drawn, 4000 seeds; each case is expected 1000 times. Chi-square with 19
        // degrees of freedom must stay under 36.19, the 1% critical value.
        var population = Enumerable.Range(1, 20).Select(i => $"C{i:D5}").ToList();
        var counts = population.ToDictionary(c => c, _ => 0);
        for (var seed = 0; seed < 4000; seed++)
        {
            var sampler = new SeededSampler(seed, 5, 0, RankVersion.SipHashV2);
            population.ForEach(sampler.Offer);
            foreach (var c in sampler.Finish().Selected)
            {
                counts[c]++;
            }
        }

        const double expected = 4000 * 5 / 20.0;
        counts.Values.Sum(o => (o - expected) * (o - expected) / expected).Should().BeLessThan(36.19);
    }

    [Fact]
    public void PopulationHash_IsSha256OfTheLinesInOfferOrder_HoweverLongTheLines()
    {
        // Enough lines to cross the hasher's buffer several times, one longer than the buffer, and non-ASCII text.
        var population = Enumerable.Range(1, 5000).Select(i => $"REF-{i:D6}-é").Append(new string('z', 40_000)).ToList();
        var sampler = new SeededSampler(3, 5, 0);
        population.ForEach(sampler.Offer);

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(population.Select(p => p + "\n")))));
        sampler.Finish().PopulationHash.Should().Be(expected);
    }
}
