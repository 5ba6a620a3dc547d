using DeepDive.Engine.Storage;
using Microsoft.Data.Sqlite;

namespace DeepDive.Engine.Tests.Support;

/// <summary>A SQLite database in a temporary file, opened through <see cref="Database.Open"/> and deleted at dispose.</summary>
public sealed class SqliteDatabase : IDisposable
{
    private SqliteDatabase(string path)
    {
        Path = path;
        Database = Database.Open(path);
    }

    public string Path { get; }

    public Database Database { get; }

    /// <summary>An empty database: no tables yet.</summary>
    public static SqliteDatabase Create()
    {
        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "deepdive-tests");
        Directory.CreateDirectory(folder);
        return new SqliteDatabase(System.IO.Path.Combine(folder, $"{Guid.NewGuid():N}.db"));
    }

    /// <summary>A database with the DeepDive schema applied by <see cref="Migrator.Upgrade"/>.</summary>
    public static SqliteDatabase CreateMigrated()
    {
        var database = Create();
        try
        {
            Migrator.Upgrade(database.Database);
            return database;
        }
        catch
        {
            database.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        // Pooled connections and the write queue's kept connection keep the file open.
        SqliteDialect.ClearPools(Database.ConnectionString);

        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(Path + suffix);
        }
    }
}
