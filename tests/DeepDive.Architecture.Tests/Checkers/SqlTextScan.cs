using System.Text.RegularExpressions;

namespace DeepDive.Architecture.Tests.Checkers;

/// <summary>Finds SQL statements written in C# source text, and says which places may hold them.</summary>
public static partial class SqlTextScan
{
    // Upper-case keywords only: LINQ's Select/from and prose do not match. A SELECT must reach its FROM within a statement's length.
    [GeneratedRegex(@"\b(SELECT\s[\s\S]{0,2000}?\bFROM\b|INSERT\s+INTO\b|UPDATE\s+\w+\s+SET\b|DELETE\s+FROM\b)")]
    private static partial Regex Statement();

    private static readonly string[] AllowedFolders = ["/Storage/", "/Workflows/Persistence/", "/Workflows/Locks/", "/Migrations/"];

    private static readonly string[] AllowedSuffixes = ["Store", "Query", "Queries"];

    public static bool HasSql(string source) => Statement().IsMatch(source);

    /// <summary>Whether SQL may live at <paramref name="relativePath"/> (forward slashes): a store, a query, storage, workflow persistence or migrations.</summary>
    public static bool IsAllowedPlace(string relativePath)
    {
        var path = "/" + relativePath.Replace('\\', '/');
        var className = Path.GetFileName(path).Split('.')[0];
        return AllowedFolders.Any(folder => path.Contains(folder, StringComparison.Ordinal))
            || AllowedSuffixes.Any(suffix => className.EndsWith(suffix, StringComparison.Ordinal));
    }

    /// <summary>Source files under src/ (relative, forward slashes) that hold SQL outside the allowed places.</summary>
    public static IReadOnlyList<string> MisplacedIn(string repositoryRoot)
    {
        var src = Path.Combine(repositoryRoot, "src");
        return [.. Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(repositoryRoot, file).Replace('\\', '/'))
            .Where(path => !path.Contains("/obj/", StringComparison.Ordinal) && !path.Contains("/bin/", StringComparison.Ordinal))
            .Where(path => !IsAllowedPlace(path))
            .Where(path => HasSql(File.ReadAllText(Path.Combine(repositoryRoot, path))))
            .Order(StringComparer.Ordinal)];
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DeepDive.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No DeepDive.sln above {AppContext.BaseDirectory}.");
    }
}
