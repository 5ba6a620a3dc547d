using System.Reflection;
using DbUp.Engine;

namespace DeepDive.Engine.Storage;

/// <summary>Creates or upgrades the schema with DbUp from the numbered scripts in <c>sql/&lt;dialect&gt;/</c>.</summary>
public static class Migrator
{
    public sealed record Result(IReadOnlyList<string> Applied);

    public static IReadOnlyList<SqlScript> Scripts(string dialectFolder)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"sql/{dialectFolder}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .OrderBy(n => n, StringComparer.Ordinal)
            .Select(n => new SqlScript(n[prefix.Length..], Read(assembly, n)))
            .ToList();
    }

    public static Result Upgrade(Database database)
    {
        if (database.Dialect.Kind == DatabaseKind.Sqlite)
        {
            EnsureSqliteFolder(database.ConnectionString);
            // Our own connection first: a new file takes its page size and WAL mode from SqliteDialect's settings only
            // before any table exists, and DbUp's connection would create the tables with SQLite's defaults.
            using var connection = database.OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        var engine = database.Dialect.MigrationTarget(database.ConnectionString)
            .WithScripts(Scripts(database.Dialect.MigrationsFolder))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
        var result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            var where = result.ErrorScript is null ? "" : $" in {database.Dialect.MigrationsFolder}/{result.ErrorScript.Name}";
            throw new InvalidOperationException($"The schema upgrade failed{where}: {result.Error.Message}", result.Error);
        }

        return new Result(result.Scripts.Select(s => s.Name).ToList());
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
