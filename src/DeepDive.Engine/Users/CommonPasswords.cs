using System.Reflection;

namespace DeepDive.Engine.Users;

/// <summary>The short list of passwords tried first by attackers, shipped with the program (common-passwords.txt).</summary>
public static class CommonPasswords
{
    private static readonly Lazy<IReadOnlySet<string>> List = new(Load);

    public static IReadOnlySet<string> All => List.Value;

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("users/common-passwords.txt")
            ?? throw new InvalidOperationException("The common passwords list is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return set;
    }
}
