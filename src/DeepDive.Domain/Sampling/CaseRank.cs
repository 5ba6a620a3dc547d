using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace DeepDive.Domain.Sampling;

/// <summary>Which function ranks a case for a seed. A draw records its version, so it can be repeated with the same one.</summary>
public enum RankVersion
{
    /// <summary>The first 8 bytes (big-endian) of SHA-256(seed as 8 little-endian bytes, UTF-8 reference).</summary>
    Sha256V1 = 1,

    /// <summary>SipHash-2-4 of the UTF-8 reference, keyed by the seed as 8 little-endian bytes followed by 8 zero bytes.</summary>
    SipHashV2 = 2,
}

/// <summary>
/// A case's rank for a seed: a 64-bit number that depends only on the seed and the case reference, the same on every
/// machine and database; the lowest ranks are drawn. Version 2 is SipHash-2-4, a keyed pseudo-random function made
/// for short inputs, with the seed as its key. It costs about a tenth of version 1's SHA-256 per case (no call into
/// the platform's crypto library for each reference), which decides how close a draw over a million cases comes to
/// the cost of just reading them. Version 1 stays, so earlier draws can be repeated.
/// </summary>
public static class CaseRank
{
    /// <summary>What new draws use.</summary>
    public const RankVersion Latest = RankVersion.SipHashV2;

    public static ulong Of(RankVersion version, long seed, string caseRef) => version switch
    {
        RankVersion.Sha256V1 => SeededSampler.Rank(seed, caseRef),
        RankVersion.SipHashV2 => SipHash(seed, caseRef),
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, $"There is no rank version {(int)version}."),
    };

    /// <summary>Version 2: SipHash-2-4 keyed by (seed, 0) of the UTF-8 reference.</summary>
    public static ulong SipHash(long seed, string caseRef)
    {
        ArgumentNullException.ThrowIfNull(caseRef);
        var most = Encoding.UTF8.GetMaxByteCount(caseRef.Length);
        var bytes = most <= 256 ? stackalloc byte[most] : new byte[most];
        var written = Encoding.UTF8.GetBytes(caseRef, bytes);
        return SipHash24((ulong)seed, 0, bytes[..written]);
    }

    /// <summary>SipHash-2-4 (Aumasson and Bernstein, 2012) with the key (k0, k1), each read as 8 little-endian bytes.</summary>
    public static ulong SipHash24(ulong k0, ulong k1, ReadOnlySpan<byte> message)
    {
        var v0 = 0x736f6d6570736575UL ^ k0;
        var v1 = 0x646f72616e646f6dUL ^ k1;
        var v2 = 0x6c7967656e657261UL ^ k0;
        var v3 = 0x7465646279746573UL ^ k1;
        var whole = message.Length & ~7;
        for (var i = 0; i < whole; i += 8)
        {
            var m = BinaryPrimitives.ReadUInt64LittleEndian(message[i..]);
            v3 ^= m;
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            v0 ^= m;
        }

        // The last block: the remaining bytes, little-endian, with the message length (mod 256) in the top byte.
        var last = (ulong)message.Length << 56;
        for (var j = 0; j < (message.Length & 7); j++)
        {
            last |= (ulong)message[whole + j] << (8 * j);
        }

        v3 ^= last;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= last;
        v2 ^= 0xff;
        for (var r = 0; r < 4; r++)
        {
            Round(ref v0, ref v1, ref v2, ref v3);
        }

        return v0 ^ v1 ^ v2 ^ v3;
    }

    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v0 += v1;
        v1 = BitOperations.RotateLeft(v1, 13);
        v1 ^= v0;
        v0 = BitOperations.RotateLeft(v0, 32);
        v2 += v3;
        v3 = BitOperations.RotateLeft(v3, 16);
        v3 ^= v2;
        v0 += v3;
        v3 = BitOperations.RotateLeft(v3, 21);
        v3 ^= v0;
        v2 += v1;
        v1 = BitOperations.RotateLeft(v1, 17);
        v1 ^= v2;
        v2 = BitOperations.RotateLeft(v2, 32);
    }
}
