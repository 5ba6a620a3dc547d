using Dapper;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Storage;

/// <summary>The statements each dialect writes do what their names say, run for real on SQLite and PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class DialectStatementTests(PostgresServer postgres)
{
    private static readonly DateTime Created = new(2027, 1, 4, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task UpsertInsertIfAbsentTopAndPage_OnSqlite_BehaveAsNamed()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await BehaveAsNamedAsync(sqlite.Database);
    }

    [PostgresFact]
    public async Task UpsertInsertIfAbsentTopAndPage_OnPostgres_BehaveAsNamed()
    {
        await BehaveAsNamedAsync(await postgres.CreateMigratedDatabaseAsync());
    }

    private static async Task BehaveAsNamedAsync(Database database)
    {
        var dialect = database.Dialect;
        var upsert = dialect.Upsert("partnership", ["id"], ["name", "created_utc"]);
        var insertIfAbsent = dialect.InsertIfAbsent("partnership", ["id"], ["name", "created_utc"]);
        await using var connection = await database.OpenAsync(CancellationToken.None);

        await connection.ExecuteAsync(upsert, new { Id = "a", Name = "first", CreatedUtc = Created });
        await connection.ExecuteAsync(upsert, new { Id = "a", Name = "renamed", CreatedUtc = Created });
        await connection.ExecuteAsync(insertIfAbsent, new { Id = "a", Name = "ignored", CreatedUtc = Created });
        await connection.ExecuteAsync(insertIfAbsent, new { Id = "b", Name = "second", CreatedUtc = Created });
        await connection.ExecuteAsync(insertIfAbsent, new { Id = "c", Name = "third", CreatedUtc = Created });

        var names = await connection.QueryAsync<(string Id, string Name)>("SELECT id, name FROM partnership ORDER BY id");
        var firstTwo = await connection.QueryAsync<string>(dialect.Top("SELECT id FROM partnership ORDER BY id DESC", 2));
        var secondPage = await connection.QueryAsync<string>(dialect.Page("SELECT id FROM partnership ORDER BY id", 1, 1));
        var pastTheEnd = await connection.QueryAsync<string>(dialect.Page("SELECT id FROM partnership ORDER BY id", 3, 2));

        names.Should().Equal(("a", "renamed"), ("b", "second"), ("c", "third"));
        firstTwo.Should().Equal("c", "b");
        secondPage.Should().Equal("b");
        pastTheEnd.Should().BeEmpty();
    }
}
