using System.Security.Cryptography;
using System.Text;

namespace DeepDive.Simulation;

/// <summary>A random stream fixed by the simulation's seed and a key (a task, a round): same seed, same answers.</summary>
internal static class SeededRandom
{
    public static Random For(int seed, string key) =>
        new(BitConverter.ToInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{key}")), 0));
}
