using DeepDive.Engine.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Engine.Tests.Import;

/// <summary>A migrated SQLite file in the temp folder, deleted with its WAL files afterwards.</summary>
public sealed class TempSqliteDatabase : IDisposable
{
    public TempSqliteDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"deepdive-import-{Guid.NewGuid():N}.db");
        Database = Database.Open(Path);
        Migrator.Upgrade(Database);
    }

    public string Path { get; }
    public Database Database { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public void Dispose()
    {
        DeepDive.Engine.Storage.SqliteDialect.ClearAllPools();
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
