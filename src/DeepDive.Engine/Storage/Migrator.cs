using System.Data.Common;
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

    public static Result Upgrade(Database database) => Upgrade(database, Scripts(database.Dialect.MigrationsFolder));

    /// <summary>Applies <paramref name="scripts"/> (the tests give scripts of their own).</summary>
    internal static Result Upgrade(Database database, IReadOnlyList<SqlScript> scripts)
    {
        if (database.Dialect.Kind == DatabaseKind.Sqlite)
        {
            EnsureSqliteFolder(database.ConnectionString);
        }

        // One process at a time, under a lock held on a connection of our own. That connection is also the first to open a
        // new SQLite file, which takes its page size and WAL mode from SqliteDialect's settings only before any table exists.
        using var locked = Blocking(() => database.OpenAsync(CancellationToken.None));
        Blocking(async () => { await database.Dialect.LockForUpgradeAsync(locked, CancellationToken.None); return true; });
        var succeeded = false;
        try
        {
            var engine = database.Dialect.MigrationTarget(database.ConnectionString, locked)
                .WithScripts(scripts)
                .LogToNowhere()
                .Build();
            var result = engine.PerformUpgrade();
            if (!result.Successful)
            {
                var where = result.ErrorScript is null ? "" : $" in {database.Dialect.MigrationsFolder}/{result.ErrorScript.Name}";
                throw new InvalidOperationException($"The schema upgrade failed{where}: {result.Error.Message}", result.Error);
            }

            succeeded = true;
            return new Result(result.Scripts.Select(s => s.Name).ToList());
        }
        finally
        {
            Unlock(database.Dialect, locked, succeeded);
        }
    }

    private static void Unlock(ISqlDialect dialect, DbConnection locked, bool succeeded)
    {
        try
        {
            Blocking(async () => { await dialect.UnlockAfterUpgradeAsync(locked, succeeded, CancellationToken.None); return true; });
        }
        catch (DbException) when (!succeeded)
        {
            // The upgrade's own error is the one to report; closing the connection gives the lock back anyway.
        }
    }

    /// <summary>
    /// Waits for <paramref name="work"/> on a pool thread, away from the caller's synchronisation context: a caller that
    /// blocks on an await whose continuation is queued to its own context (a test runner's, a UI's) would wait for ever
    /// once every thread of that context is blocked the same way.
    /// </summary>
    private static T Blocking<T>(Func<Task<T>> work) => Task.Run(work).GetAwaiter().GetResult();

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
