using System.Data.Common;
using Dapper;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;
using DeepDive.Engine.Workflows.Persistence;
using Microsoft.Extensions.Time.Testing;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace DeepDive.Engine.Tests.Workflows;

/// <summary>Old finished workflow state is deleted in batches; live workflows and unprocessed events never are.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WorkflowPurgerTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Now = new(2027, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly PurgeOptions Options = new(
        CompletedWorkflowRetention: TimeSpan.FromDays(90),
        ProcessedEventRetention: TimeSpan.FromDays(30),
        ErrorRetention: TimeSpan.FromDays(90),
        BatchSize: 100);

    [Fact]
    public async Task Purge_OnSqlite_DeletesOnlyExpiredFinishedStateInBatches()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await DeletesOnlyExpiredFinishedStateInBatchesAsync(sqlite.Database);
    }

    [PostgresFact]
    public async Task Purge_OnPostgres_DeletesOnlyExpiredFinishedStateInBatches()
    {
        await DeletesOnlyExpiredFinishedStateInBatchesAsync(await postgres.CreateMigratedDatabaseAsync());
    }

    [Fact]
    public async Task Purge_WithBatchSizeZero_IsRefusedBeforeDeletingAnything()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await using (var connection = await sqlite.Database.OpenAsync(CancellationToken.None))
        {
            await SeedEventsAsync(connection, "old-processed", 5, processed: true, Ago(365));
        }

        var purge = () => new WorkflowPurger(sqlite.Database, new FakeTimeProvider(Now)).PurgeAsync(Options with { BatchSize = 0 }, CancellationToken.None);

        await purge.Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("BatchSize");
        await using var check = await sqlite.Database.OpenAsync(CancellationToken.None);
        (await Count(check, "wf_event")).Should().Be(5);
    }

    [Fact]
    public void SqlServerStatements_ParseAsOneSelectAndBatchedDeletes()
    {
        var statements = PurgeStatements.For(new SqlServerDialect(), 500);

        Parse<SelectStatement>(statements.WorkflowBatchEnd);
        Parse<DeleteStatement>(statements.DeletePointers);
        Parse<DeleteStatement>(statements.DeleteSubscriptions);
        Parse<DeleteStatement>(statements.DeleteWorkflows);
        foreach (var sql in new[] { statements.DeleteEvents, statements.DeleteErrors })
        {
            var top = Parse<DeleteStatement>(sql).DeleteSpecification.TopRowFilter;
            top.Should().NotBeNull(sql);
            top.Expression.Should().BeOfType<ParenthesisExpression>().Which.Expression
                .Should().BeOfType<IntegerLiteral>().Which.Value.Should().Be("500");
        }
    }

    private static async Task DeletesOnlyExpiredFinishedStateInBatchesAsync(Database database)
    {
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            // Due: finished more than 90 days ago. 1,300 is a whole number of batches, so the last batch finds nothing.
            await SeedWorkflowsAsync(connection, "old-complete", 1_234, Complete, completed: Ago(200));
            await SeedWorkflowsAsync(connection, "old-terminated", 66, Terminated, completed: Ago(91));
            // Kept: finished within the retention, or exactly at its edge.
            await SeedWorkflowsAsync(connection, "recent-complete", 40, Complete, completed: Ago(89));
            await SeedWorkflowsAsync(connection, "edge-complete", 1, Complete, completed: Ago(90));
            // Kept: still live, however old; an old complete time alone does not make a live instance finished.
            await SeedWorkflowsAsync(connection, "old-runnable", 25, Runnable, completed: null);
            await SeedWorkflowsAsync(connection, "old-suspended", 10, Suspended, completed: Ago(400));
            // Kept: terminated without a complete time, so its age is unknown.
            await SeedWorkflowsAsync(connection, "terminated-undated", 5, Terminated, completed: null);

            await SeedEventsAsync(connection, "old-processed", 250, processed: true, Ago(31));
            await SeedEventsAsync(connection, "recent-processed", 20, processed: true, Ago(29));
            await SeedEventsAsync(connection, "old-unprocessed", 30, processed: false, Ago(365));

            await SeedErrorsAsync(connection, 150, Ago(91));
            await SeedErrorsAsync(connection, 15, Ago(10));
        }

        var purger = new WorkflowPurger(database, new FakeTimeProvider(Now));

        var result = await purger.PurgeAsync(Options, CancellationToken.None);
        var again = await purger.PurgeAsync(Options, CancellationToken.None);

        // Workflows 13 batches of 100, events 100 + 100 + 50, errors 100 + 50.
        result.Should().Be(new PurgeResult(Workflows: 1_300, Pointers: 3_900, Subscriptions: 1_300, Events: 250, Errors: 150, Batches: 18));
        again.Should().Be(PurgeResult.None);
        await using var check = await database.OpenAsync(CancellationToken.None);
        var remaining = (await check.QueryAsync<string>("SELECT id FROM wf_instance")).ToList();
        remaining.GroupBy(Prefix).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["recent-complete"] = 40,
            ["edge-complete"] = 1,
            ["old-runnable"] = 25,
            ["old-suspended"] = 10,
            ["terminated-undated"] = 5,
        });
        (await Count(check, "wf_pointer")).Should().Be(81 * 3);
        (await Count(check, "wf_subscription")).Should().Be(81);
        (await Count(check, "wf_subscription WHERE instance_id NOT IN (SELECT id FROM wf_instance)")).Should().Be(0);
        (await check.QueryAsync<string>("SELECT id FROM wf_event")).GroupBy(Prefix).ToDictionary(g => g.Key, g => g.Count())
            .Should().BeEquivalentTo(new Dictionary<string, int> { ["recent-processed"] = 20, ["old-unprocessed"] = 30 });
        (await Count(check, "wf_error")).Should().Be(15);
        (await Count(check, $"wf_error WHERE error_time < {Ago(90)}")).Should().Be(0);
    }

    private const int Runnable = 0;
    private const int Suspended = 1;
    private const int Complete = 2;
    private const int Terminated = 3;

    private static long Ago(int days) => (Now - TimeSpan.FromDays(days)).UtcTicks;

    private static string Prefix(string id) => id[..id.LastIndexOf('-')];

    private static Task<long> Count(DbConnection connection, string from) => connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {from}");

    /// <summary>Instances <c>prefix-1</c> to <c>prefix-count</c>, each with three pointers and one subscription
    /// (terminated once the instance is finished).</summary>
    private static async Task SeedWorkflowsAsync(DbConnection connection, string prefix, int count, int status, long? completed)
    {
        var rows = new { Prefix = prefix + "-", Count = count, Status = status, Created = Ago(500), Completed = completed, Terminated = status >= Complete ? 1 : 0 };
        await connection.ExecuteAsync(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @Count)
            INSERT INTO wf_instance (id, definition_id, version, status, create_time, complete_time)
            SELECT @Prefix || i, 'deep-dive', 1, @Status, @Created, @Completed FROM n
            """, rows);
        await connection.ExecuteAsync(
            """
            WITH RECURSIVE p(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM p WHERE k < 3)
            INSERT INTO wf_pointer (instance_id, id, body_json)
            SELECT w.id, w.id || '-p' || p.k, '{}' FROM wf_instance w CROSS JOIN p WHERE w.id LIKE @Prefix || '%'
            """, rows);
        await connection.ExecuteAsync(
            """
            INSERT INTO wf_subscription (id, instance_id, step_id, event_name, event_key, subscribe_as_of, terminated)
            SELECT id || '-s', id, 1, 'submitted', id, @Created, @Terminated FROM wf_instance WHERE id LIKE @Prefix || '%'
            """, rows);
    }

    private static Task SeedEventsAsync(DbConnection connection, string prefix, int count, bool processed, long time) =>
        connection.ExecuteAsync(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @Count)
            INSERT INTO wf_event (id, event_name, event_key, event_time, is_processed)
            SELECT @Prefix || i, 'submitted', 'key', @Time, @Processed FROM n
            """, new { Prefix = prefix + "-", Count = count, Time = time, Processed = processed ? 1 : 0 });

    private static Task SeedErrorsAsync(DbConnection connection, int count, long time) =>
        connection.ExecuteAsync(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @Count)
            INSERT INTO wf_error (instance_id, error_time, message)
            SELECT 'gone', @Time, 'step failed' FROM n
            """, new { Count = count, Time = time });

    private static T Parse<T>(string sql) where T : TSqlStatement
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var script = (TSqlScript)parser.Parse(reader, out var errors);
        errors.Should().BeEmpty(sql);
        return script.Batches.Should().ContainSingle(sql).Which.Statements.Should().ContainSingle(sql).Which.Should().BeOfType<T>().Subject;
    }
}
