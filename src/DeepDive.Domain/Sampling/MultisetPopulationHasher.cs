using System.Globalization;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace DeepDive.Domain.Sampling;

/// <summary>
/// Version 2, the multiset hash (see <see cref="PopulationHasher"/>): sum = Σ XXH128(UTF-8 line) mod 2^128, then
/// SHA-256("population-hash-v2\n" + count + "\n" + sum as 32 lower-case hex digits + "\n"). Addition is commutative, so
/// the order the cases arrive in does not matter. About 20 ns a case, against 25 for version 1 and 750 for SHA-256 per line.
/// </summary>
internal sealed class MultisetPopulationHasher : PopulationHasher
{
    private const string Tag = "population-hash-v2";

    private byte[] line = new byte[256];
    private UInt128 sum;
    private long count;

    public override PopulationHashVersion Version => PopulationHashVersion.MultisetV2;

    public override void Add(string caseRef, string? stratum)
    {
        ArgumentNullException.ThrowIfNull(caseRef);
        var most = Encoding.UTF8.GetMaxByteCount(caseRef.Length + (stratum?.Length ?? 0) + 2);
        if (most > line.Length)
        {
            line = new byte[most];
        }

        var used = Encoding.UTF8.GetBytes(caseRef, line);
        if (stratum is not null)
        {
            line[used++] = (byte)'\t';
            used += Encoding.UTF8.GetBytes(stratum, line.AsSpan(used));
        }

        line[used++] = (byte)'\n';
        sum = unchecked(sum + XxHash128.HashToUInt128(line.AsSpan(0, used)));
        count++;
    }

    public override string Finish()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Tag}\n{count}\n{sum:x32}\n");
        sum = 0;
        count = 0;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(text)));
    }
}
