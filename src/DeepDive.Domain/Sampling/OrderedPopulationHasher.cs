using System.Security.Cryptography;
using System.Text;

namespace DeepDive.Domain.Sampling;

/// <summary>
/// Version 1: SHA-256 over the lines in the order the cases were offered. The lines are encoded into a buffer and hashed
/// a buffer at a time, which gives the same digest as hashing each line on its own (SHA-256 does not see how its input
/// was split) without a string and an array per case. Kept so that draws stored with it can be checked.
/// </summary>
internal sealed class OrderedPopulationHasher : PopulationHasher
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] buffer = new byte[32 * 1024];
    private int used;

    public override PopulationHashVersion Version => PopulationHashVersion.OrderedSha256V1;

    public override void Add(string caseRef, string? stratum)
    {
        var most = Encoding.UTF8.GetMaxByteCount(caseRef.Length + (stratum?.Length ?? 0) + 2);
        if (most > buffer.Length - used)
        {
            Flush();
            if (most > buffer.Length)
            {
                // A line longer than the buffer: hash it on its own.
                hash.AppendData(Encoding.UTF8.GetBytes(stratum is null ? caseRef + "\n" : caseRef + "\t" + stratum + "\n"));
                return;
            }
        }

        used += Encoding.UTF8.GetBytes(caseRef, buffer.AsSpan(used));
        if (stratum is not null)
        {
            buffer[used++] = (byte)'\t';
            used += Encoding.UTF8.GetBytes(stratum, buffer.AsSpan(used));
        }

        buffer[used++] = (byte)'\n';
    }

    public override string Finish()
    {
        Flush();
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private void Flush()
    {
        hash.AppendData(buffer, 0, used);
        used = 0;
    }
}
