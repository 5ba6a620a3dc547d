using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DeepDive.Engine.Workflows.Locks;

/// <summary>PostgreSQL session-level advisory locks, keyed by a 64-bit hash of the lock's name.</summary>
public sealed class PostgresAdvisoryLocks : ILockStatements
{
    public string TryLock => "SELECT CASE WHEN pg_try_advisory_lock(@Key) THEN 1 ELSE 0 END";

    public string Unlock => "SELECT pg_advisory_unlock(@Key)";

    public object Arguments(string lockId) => new { Key = Key(lockId) };

    public static long Key(string lockId) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("deepdive:" + lockId)));
}
