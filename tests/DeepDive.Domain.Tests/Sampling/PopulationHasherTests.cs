using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using DeepDive.Domain.Sampling;

namespace DeepDive.Domain.Tests.Sampling;

public sealed class PopulationHasherTests
{
    private static string Hash(PopulationHashVersion version, IEnumerable<(string Ref, string? Stratum)> lines)
    {
        var hasher = PopulationHasher.Create(version);
        foreach (var (r, s) in lines)
        {
            hasher.Add(r, s);
        }

        return hasher.Finish();
    }

    private static List<(string Ref, string? Stratum)> Population(int n) =>
        Enumerable.Range(1, n).Select(i => ($"REF-{i:D6}", (string?)new[] { "csc", "police", "health é" }[i % 3])).ToList();

    [Fact]
    public void Version2_IsTheSameInAnyOrder()
    {
        var population = Population(3000);
        var expected = Hash(PopulationHashVersion.MultisetV2, population);
        var random = new Random(11);
        for (var trial = 0; trial < 5; trial++)
        {
            Hash(PopulationHashVersion.MultisetV2, population.OrderBy(_ => random.Next())).Should().Be(expected, "shuffle {0}", trial);
        }

        Hash(PopulationHashVersion.MultisetV2, Enumerable.Reverse(population)).Should().Be(expected);
        Hash(PopulationHashVersion.OrderedSha256V1, Enumerable.Reverse(population))
            .Should().NotBe(Hash(PopulationHashVersion.OrderedSha256V1, population), "version 1 is over the lines in the order given");
    }

    [Fact]
    public void Version2_ChangesWithAnyChangeToThePopulation()
    {
        var population = Population(500);
        var original = Hash(PopulationHashVersion.MultisetV2, population);
        var changes = new Dictionary<string, List<(string Ref, string? Stratum)>>
        {
            ["a case removed"] = population.Skip(1).ToList(),
            ["a case added"] = [.. population, ("REF-999999", "csc")],
            ["a case in twice"] = [.. population, population[7]],
            ["a reference changed"] = [.. population.Take(10), ("REF-000011x", population[10].Stratum), .. population.Skip(11)],
            ["a case in another stratum"] = [.. population.Take(10), (population[10].Ref, "police-x"), .. population.Skip(11)],
            // The same references and the same strata, but two cases' strata swapped.
            ["two strata swapped"] = [(population[0].Ref, population[1].Stratum), (population[1].Ref, population[0].Stratum), .. population.Skip(2)],
            ["no strata"] = population.Select(p => (p.Ref, (string?)null)).ToList(),
        };

        foreach (var (change, changed) in changes)
        {
            Hash(PopulationHashVersion.MultisetV2, changed).Should().NotBe(original, change);
        }

        changes.Values.Select(c => Hash(PopulationHashVersion.MultisetV2, c)).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Version2_IsSha256OfTagCountAndTheSumOfXxh128OfEachLine_HoweverLongTheLines()
    {
        // Lines longer than the hasher's first buffer, non-ASCII text, and more than enough to wrap the 128-bit sum.
        List<(string Ref, string? Stratum)> population = [.. Population(2000), (new string('z', 40_000), "é"), ("CASE-é", null)];
        var lines = population.Select(p => p.Stratum is null ? p.Ref + "\n" : p.Ref + "\t" + p.Stratum + "\n").ToList();
        UInt128 sum = 0;
        foreach (var line in lines)
        {
            sum = unchecked(sum + XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(line)));
        }

        var text = string.Create(CultureInfo.InvariantCulture, $"population-hash-v2\n{lines.Count}\n{sum:x32}\n");
        Hash(PopulationHashVersion.MultisetV2, population).Should().Be(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(text))));
    }

    [Fact]
    public void Version2_AgreesWithAnIndependentImplementation()
    {
        // Computed outside .NET (Python's xxhash 3.0 on libxxhash 0.8.1, and hashlib) from the definition:
        // sha256(f"population-hash-v2\n{n}\n{sum(xxh128_intdigest(line)) % 2**128:032x}\n"). Anyone recomputing a
        // population's hash with another tool must get these.
        Hash(PopulationHashVersion.MultisetV2, [("C-001", null), ("C-002", null), ("C-003", null)])
            .Should().Be("b09180cc21edfe6eb3a4d53a3c2dc634aedeb9ed9a44ac06755c2412a33b5370");
        Hash(PopulationHashVersion.MultisetV2, [("C-002", "police é"), ("C-001", "csc")])
            .Should().Be("ea2a956559a778d5ce70bd10c944507850234a23db2fb00414a5272b3e7e2e13");
        Hash(PopulationHashVersion.MultisetV2, []).Should().Be("7f5d79ac5c38f0a9004d261867dc2467f01d5d6803e982c369c78af96133f434");
    }

    [Fact]
    public void Finish_StartsTheHasherAgainEmpty()
    {
        foreach (var version in new[] { PopulationHashVersion.OrderedSha256V1, PopulationHashVersion.MultisetV2 })
        {
            var hasher = PopulationHasher.Create(version);
            hasher.Add("A-1");
            var first = hasher.Finish();
            hasher.Add("A-1");
            hasher.Finish().Should().Be(first, version.ToString());
        }
    }

    [Theory]
    [InlineData("siphash-rank-v2", PopulationHashVersion.OrderedSha256V1)]
    [InlineData("stratified-v1/minimum-3+one-per-family-v1", PopulationHashVersion.OrderedSha256V1)]
    [InlineData("siphash-rank-v2+population-hash-v2", PopulationHashVersion.MultisetV2)]
    [InlineData("stratified-v2/proportional+population-hash-v2+one-per-family-v1", PopulationHashVersion.MultisetV2)]
    public void VersionOf_ReadsTheVersionAStoredAlgorithmNames(string algorithm, PopulationHashVersion expected)
    {
        PopulationHasher.VersionOf(algorithm).Should().Be(expected);
    }
}
