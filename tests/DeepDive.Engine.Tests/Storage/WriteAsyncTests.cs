using Dapper;
using DeepDive.Engine.Tests.Support;
using FluentAssertions;
using Xunit;

namespace DeepDive.Engine.Tests.Storage;

/// <summary>Database.WriteAsync on SQLite: concurrent writes all commit, and one failing write takes none of the others with it.</summary>
public sealed class WriteAsyncTests
{
    [Fact]
    public async Task Concurrent_writes_all_commit_and_a_failing_one_is_rolled_back_alone()
    {
        using var sqlite = await WithItemTableAsync();
        var database = sqlite.Database;

        // 400 writes at once; every seventh inserts two rows and then fails, so its first row must not survive.
        var writes = Enumerable.Range(0, 400).Select(i => Task.Run(() => database.WriteAsync(async (c, t, ct) =>
        {
            await c.ExecuteAsync(new CommandDefinition("INSERT INTO item (id, note) VALUES (@Id, 'first')", new { Id = i * 2 }, t, cancellationToken: ct));
            if (i % 7 == 0)
            {
                throw new InvalidOperationException($"write {i} fails");
            }

            await c.ExecuteAsync(new CommandDefinition("INSERT INTO item (id, note) VALUES (@Id, 'second')", new { Id = (i * 2) + 1 }, t, cancellationToken: ct));
            return i;
        }, CancellationToken.None))).ToList();

        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                return await w;
            }
            catch (InvalidOperationException)
            {
                return -1;
            }
        }));

        outcomes.Count(o => o < 0).Should().Be(Enumerable.Range(0, 400).Count(i => i % 7 == 0));
        await using var check = await database.OpenAsync(CancellationToken.None);
        var ids = (await check.QueryAsync<long>("SELECT id FROM item ORDER BY id")).ToList();
        var expected = Enumerable.Range(0, 400).Where(i => i % 7 != 0).SelectMany(i => new long[] { i * 2, (i * 2) + 1 }).ToList();
        ids.Should().Equal(expected);
    }

    [Fact]
    public async Task A_write_whose_caller_gave_up_is_not_run()
    {
        using var sqlite = await WithItemTableAsync();
        var database = sqlite.Database;

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var write = () => database.WriteAsync((c, t, ct) => c.ExecuteAsync(new CommandDefinition("INSERT INTO item (id) VALUES (1)", null, t, cancellationToken: ct)), cancelled.Token);

        await write.Should().ThrowAsync<OperationCanceledException>();
        await using var check = await database.OpenAsync(CancellationToken.None);
        (await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM item")).Should().Be(0);
    }

    [Fact]
    public async Task Writes_queued_while_another_holds_the_turn_run_once_it_is_given_back()
    {
        using var sqlite = await WithItemTableAsync();
        var database = sqlite.Database;

        var turn = await database.EnterWriteAsync(CancellationToken.None);
        // Called directly, each write is queued before its call returns, so there is nothing to wait for before looking.
        var writes = Enumerable.Range(0, 50).Select(i => database.WriteAsync((c, t, ct) =>
            c.ExecuteAsync(new CommandDefinition("INSERT INTO item (id) VALUES (@Id)", new { Id = i }, t, cancellationToken: ct)), CancellationToken.None)).ToList();
        writes.Should().OnlyContain(w => !w.IsCompleted, "no write may run while another holds the turn");
        await using (var meanwhile = await database.OpenAsync(CancellationToken.None))
        {
            (await meanwhile.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM item")).Should().Be(0);
        }

        await turn.DisposeAsync();
        await Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(30));
        await using var check = await database.OpenAsync(CancellationToken.None);
        (await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM item")).Should().Be(50);
    }

    [Fact]
    public async Task The_log_is_copied_into_the_database_file_beside_the_writers()
    {
        using var sqlite = await WithItemTableAsync();
        var database = sqlite.Database;

        // 1,000 rows of 3 KB: about 3 MB reaches the log, well under the 4,000 pages at which SQLite would checkpoint
        // inside a commit, so only the checkpoints run beside the writers can bring the rows into the database file.
        var note = new string('x', 3000);
        for (var i = 0; i < 1000; i++)
        {
            await database.WriteAsync((c, t, ct) => c.ExecuteAsync(new CommandDefinition("INSERT INTO item (id, note) VALUES (@Id, @Note)", new { Id = i, Note = note }, t, cancellationToken: ct)), CancellationToken.None);
        }

        await Poller.UntilAsync(() => Task.FromResult(new FileInfo(sqlite.Path).Length), size => size > 2_000_000, "the rows in the database file");
        await using var check = await database.OpenAsync(CancellationToken.None);
        (await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM item")).Should().Be(1000);
    }

    /// <summary>A new SQLite file with one table, item (id, note).</summary>
    private static async Task<SqliteDatabase> WithItemTableAsync()
    {
        var sqlite = SqliteDatabase.Create();
        await using var connection = await sqlite.Database.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, note TEXT NULL)");
        return sqlite;
    }
}
