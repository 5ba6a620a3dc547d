using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class MigratorTests(PostgresServer postgres)
{
    [Fact]
    public void Scripts_ForEveryDialect_HaveTheSameNumberedFiles()
    {
        var sqlite = Migrator.Scripts("sqlite").Select(s => s.Name).ToList();

        sqlite.Should().NotBeEmpty().And.Contain("0001_initial.sql");
        Migrator.Scripts("postgres").Select(s => s.Name).Should().Equal(sqlite);
        Migrator.Scripts("sqlserver").Select(s => s.Name).Should().Equal(sqlite);
    }

    [Fact]
    public void Upgrade_OnNewSqliteFile_AppliesEveryScriptThenNothing()
    {
        using var sqlite = SqliteDatabase.Create();
        sqlite.Database.Dialect.Kind.Should().Be(DatabaseKind.Sqlite);

        Migrator.Upgrade(sqlite.Database).Applied.Should().Equal(Migrator.Scripts("sqlite").Select(s => s.Name));
        Migrator.Upgrade(sqlite.Database).Applied.Should().BeEmpty();
    }

    [Fact]
    public async Task Upgrade_OnNewSqliteFile_CreatesTheDomainAndWorkflowTables()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await using var connection = await sqlite.Database.OpenAsync(CancellationToken.None);

        var shape = await SchemaShape.OfSqliteAsync(connection);

        shape.Should().Contain(["table partnership", "table case_record", "table audit_round", "table wf_instance", "table wf_error"]);
    }

    [Fact]
    public async Task Upgrade_OnNewSqliteFile_Uses2KiBPagesAndWal_ButLeavesAnOlderFilesPagesAlone()
    {
        using var fresh = SqliteDatabase.CreateMigrated();
        using var older = SqliteDatabase.Create();
        // A file made before DeepDive chose its page size: SQLite's default, 4 KiB.
        await using (var direct = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={older.Path};Pooling=False"))
        {
            await direct.OpenAsync();
            await Dapper.SqlMapper.ExecuteAsync(direct, "CREATE TABLE made_earlier (id INTEGER)");
        }

        Migrator.Upgrade(older.Database);

        (await PragmaAsync(fresh.Database, "page_size")).Should().Be("2048", "small pages mean fewer bytes in the log per commit");
        (await PragmaAsync(fresh.Database, "journal_mode")).Should().Be("wal");
        (await PragmaAsync(older.Database, "page_size")).Should().Be("4096", "a page size cannot change once a file has tables");
        (await PragmaAsync(older.Database, "journal_mode")).Should().Be("wal");
    }

    private static async Task<string> PragmaAsync(Database database, string pragma)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return Convert.ToString(await Dapper.SqlMapper.ExecuteScalarAsync(connection, $"PRAGMA {pragma}"), System.Globalization.CultureInfo.InvariantCulture)!;
    }

    [PostgresFact]
    public async Task Upgrade_OnNewPostgresDatabase_AppliesEveryScriptThenNothing()
    {
        var database = Database.Open(await postgres.CreateDatabaseAsync());
        database.Dialect.Kind.Should().Be(DatabaseKind.Postgres);

        Migrator.Upgrade(database).Applied.Should().Equal(Migrator.Scripts("postgres").Select(s => s.Name));
        Migrator.Upgrade(database).Applied.Should().BeEmpty();
    }

    [Fact]
    public async Task Upgrade_OnSqlite_ThatFailsInALaterScript_LeavesTheFileAsItWas_AndSaysWhichScript()
    {
        using var sqlite = SqliteDatabase.Create();
        var scripts = new List<DbUp.Engine.SqlScript>
        {
            new("0001_first.sql", "CREATE TABLE first_table (id INTEGER PRIMARY KEY);"),
            new("0002_broken.sql", "CREATE TABLE second_table (id INTEGER PRIMARY KEY); INSERT INTO no_such_table VALUES (1);"),
        };

        var upgrade = () => Migrator.Upgrade(sqlite.Database, scripts);

        upgrade.Should().Throw<InvalidOperationException>().WithMessage("The schema upgrade failed in sqlite/0002_broken.sql: *no such table*");
        await using var connection = await sqlite.Database.OpenAsync(CancellationToken.None);
        (await Dapper.SqlMapper.QueryAsync<string>(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"))
            .Should().BeEmpty("the first script, the second's first statement and DbUp's journal all went back with the failure");
        Migrator.Upgrade(sqlite.Database, scripts[..1]).Applied.Should().Equal("0001_first.sql");
    }

    /// <summary>Nodes started together on a new database each upgrade it as they start: one applies the scripts, the others wait and find nothing to do.</summary>
    [PostgresTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Upgrade_ByThreeNodesAtOnceOnANewDatabase_AppliesEachScriptOnce_AndNoneFails(string databaseKind)
    {
        using var sqlite = SqliteDatabase.Create();
        var database = databaseKind == "sqlite" ? sqlite.Database : Database.Open(await postgres.CreateDatabaseAsync());
        using var start = new Barrier(3);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            return Migrator.Upgrade(database);
        })));

        results.SelectMany(r => r.Applied).Should().Equal(Migrator.Scripts(database.Dialect.MigrationsFolder).Select(s => s.Name),
            "every script ran exactly once, all by one node");
        Migrator.Upgrade(database).Applied.Should().BeEmpty();
    }

    [PostgresFact]
    public async Task Upgrade_OnPostgres_CreatesEveryTableOfTheSqliteSchema()
    {
        var database = Database.Open(await postgres.CreateDatabaseAsync());
        Migrator.Upgrade(database);
        using var sqlite = SqliteDatabase.CreateMigrated();

        var expected = await ShapeAsync(sqlite.Database);
        var actual = await ShapeAsync(database);

        Tables(actual).Should().Equal(Tables(expected));
    }

    [PostgresFact]
    public async Task Upgrade_OnPostgres_GivesTheSqliteColumnsKeysAndIndexes()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        using var sqlite = SqliteDatabase.CreateMigrated();

        var actual = await ShapeAsync(database);

        actual.Should().BeEquivalentTo(await ShapeAsync(sqlite.Database));
    }

    [PostgresFact]
    public async Task CreateMigratedDatabase_GivesSeparateDatabasesWithNothingLeftToApply()
    {
        var first = await postgres.CreateMigratedDatabaseAsync();
        var second = await postgres.CreateMigratedDatabaseAsync();

        first.ConnectionString.Should().NotBe(second.ConnectionString);
        Migrator.Upgrade(first).Applied.Should().BeEmpty();
        Migrator.Upgrade(second).Applied.Should().BeEmpty();
    }

    private static async Task<IReadOnlyList<string>> ShapeAsync(Database database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        return database.Dialect.Kind == DatabaseKind.Postgres
            ? await SchemaShape.OfPostgresAsync(connection)
            : await SchemaShape.OfSqliteAsync(connection);
    }

    private static List<string> Tables(IEnumerable<string> shape) => shape.Where(f => f.StartsWith("table ", StringComparison.Ordinal)).ToList();
}
