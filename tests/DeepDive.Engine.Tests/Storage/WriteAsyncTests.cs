using Dapper;
using DeepDive.Engine.Tests.Support;
using FluentAssertions;
using Xunit;

namespace DeepDive.Engine.Tests.Storage;

/// <summary>Database.WriteAsync and ReadAsync on SQLite: concurrent writes all commit, one failing write takes none of the others with it, and reads see what was written.</summary>
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

    [Fact]
    public async Task A_read_sees_the_write_its_caller_completed_before_it_whichever_connection_it_runs_on()
    {
        using var sqlite = await WithItemTableAsync();
        var database = sqlite.Database;

        // Writes and reads interleaved from many callers: a read that finds the turn free runs on the writers' connection,
        // one that finds a write under way on a pooled connection; either way it sees the write completed before it.
        await Parallel.ForEachAsync(Enumerable.Range(0, 300), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            await database.WriteAsync((c, t, wct) => c.ExecuteAsync(new CommandDefinition("INSERT INTO item (id, note) VALUES (@Id, 'x')", new { Id = i }, t, cancellationToken: wct)), ct);
            var seen = await database.ReadAsync(async (c, rct) => (await c.QueryAsync<long>(new CommandDefinition("SELECT id FROM item", cancellationToken: rct))).ToHashSet(), ct);
            seen.Should().Contain(i, "a read after a write completed sees it");
        });

        (await database.ReadAsync((c, ct) => c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM item", cancellationToken: ct)), CancellationToken.None))
            .Should().Be(300);
    }

    [Fact]
    public async Task A_read_does_not_wait_for_the_turn_while_another_holds_it()
    {
        using var sqlite = await WithItemTableAsync();
        var database = sqlite.Database;
        await database.WriteAsync((c, t, ct) => c.ExecuteAsync(new CommandDefinition("INSERT INTO item (id) VALUES (1)", null, t, cancellationToken: ct)), CancellationToken.None);

        await using (await database.EnterWriteAsync(CancellationToken.None))
        {
            var count = await database.ReadAsync((c, ct) => c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM item", cancellationToken: ct)), CancellationToken.None)
                .WaitAsync(TimeSpan.FromSeconds(10));
            count.Should().Be(1);
        }
    }

    [Fact]
    public async Task Clearing_the_pools_lets_the_file_be_replaced_by_a_new_one_at_the_same_path()
    {
        var sqlite = await WithItemTableAsync();
        var database = sqlite.Database;
        await database.WriteAsync((c, t, ct) => c.ExecuteAsync(new CommandDefinition("INSERT INTO item (id) VALUES (1)", null, t, cancellationToken: ct)), CancellationToken.None);
        (await database.ReadAsync((c, ct) => c.ExecuteScalarAsync<long>(new CommandDefinition("SELECT COUNT(*) FROM item", cancellationToken: ct)), CancellationToken.None)).Should().Be(1);

        // The write queue's kept connection must go too: if it stayed, the next writes would go to the deleted file.
        sqlite.Dispose();
        var again = DeepDive.Engine.Storage.Database.Open(sqlite.Path);
        await using (var connection = await again.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("CREATE TABLE item (id INTEGER NOT NULL PRIMARY KEY, note TEXT NULL)");
        }

        await again.WriteAsync((c, t, ct) => c.ExecuteAsync(new CommandDefinition("INSERT INTO item (id) VALUES (2)", null, t, cancellationToken: ct)), CancellationToken.None);
        await using (var check = await again.OpenAsync(CancellationToken.None))
        {
            (await check.QueryAsync<long>("SELECT id FROM item")).Should().Equal(2);
        }

        DeepDive.Engine.Storage.SqliteDialect.ClearPools(again.ConnectionString);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(sqlite.Path + suffix);
        }
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
