using Dapper;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;
using FluentAssertions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace DeepDive.Engine.Tests.Storage;

/// <summary>The writers' connection that keeps compiled statements: Dapper's calls on it give the same answers as on a plain one.</summary>
public sealed class StatementCachingConnectionTests
{
    [Fact]
    public async Task A_kept_statement_runs_with_each_call_s_own_parameters()
    {
        using var sqlite = SqliteDatabase.Create();
        await using var connection = await OpenAsync(sqlite);
        await connection.ExecuteAsync("CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, note TEXT NULL)");

        for (var i = 0; i < 200; i++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await connection.ExecuteAsync("INSERT INTO item (id, note) VALUES (@Id, @Note)", new { Id = i, Note = $"n{i}" }, transaction);
            await transaction.CommitAsync();
        }

        for (var i = 0; i < 200; i += 7)
        {
            (await connection.QuerySingleAsync<string>("SELECT note FROM item WHERE id = @Id", new { Id = i })).Should().Be($"n{i}");
        }

        var missing = () => connection.QuerySingleAsync<string>("SELECT note FROM item WHERE id = @Id", new { Other = 1 });
        await missing.Should().ThrowAsync<InvalidOperationException>("a parameter left out is not taken from an earlier call").WithMessage("*@Id*");
    }

    [Fact]
    public async Task The_same_statement_runs_again_while_a_reader_is_open_on_it()
    {
        using var sqlite = SqliteDatabase.Create();
        await using var connection = await OpenAsync(sqlite);
        await connection.ExecuteAsync("CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY)");
        await connection.ExecuteAsync("INSERT INTO item (id) VALUES (1), (2), (3)");

        const string sql = "SELECT id FROM item WHERE id >= @From ORDER BY id";
        var pairs = new List<(long Outer, long Inner)>();
        foreach (var outer in await connection.QueryAsync<long>(sql, new { From = 1 }))
        {
            pairs.AddRange((await connection.QueryAsync<long>(sql, new { From = outer })).Select(inner => (outer, inner)));
        }

        using (var reader = await connection.ExecuteReaderAsync(sql, new { From = 2 }))
        {
            reader.Read().Should().BeTrue();
            (await connection.QueryAsync<long>(sql, new { From = 3 })).Should().Equal(3);
            reader.GetInt64(0).Should().Be(2);
        }

        pairs.Should().Equal((1, 1), (1, 2), (1, 3), (2, 2), (2, 3), (3, 3));
        (await connection.QueryAsync<long>(sql, new { From = 2 })).Should().Equal(2, 3);
    }

    [Fact]
    public async Task More_texts_than_it_keeps_still_run()
    {
        using var sqlite = SqliteDatabase.Create();
        await using var connection = await OpenAsync(sqlite);

        for (var i = 0; i < 300; i++)
        {
            (await connection.ExecuteScalarAsync<long>($"SELECT {i} + @One", new { One = 1 })).Should().Be(i + 1);
        }
    }

    private static async Task<StatementCachingConnection> OpenAsync(SqliteDatabase sqlite) =>
        new((SqliteConnection)await sqlite.Database.OpenAsync(CancellationToken.None));
}
