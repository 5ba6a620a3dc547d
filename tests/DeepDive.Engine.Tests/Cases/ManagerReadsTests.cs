using DeepDive.Domain.Cases;
using DeepDive.Domain.Notifications;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Notifications;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;
using DeepDive.Engine.Users;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Engine.Tests.Cases;

/// <summary>
/// The reads the manager's pages page and search with (register search, access log pages and export, the outbox by
/// state), run for real on SQLite and PostgreSQL, since LIKE escapes, paging and streaming differ between them.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ManagerReadsTests(PostgresServer postgres)
{
    private static readonly DateTimeOffset Now = new(2027, 7, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sqlite_register_search_counts_and_schools() => await RegisterAsync(SqliteDatabase.CreateMigrated().Database);

    [PostgresFact]
    public async Task Postgres_register_search_counts_and_schools() => await RegisterAsync(await postgres.CreateMigratedDatabaseAsync());

    [Fact]
    public async Task Sqlite_access_log_pages_counts_and_streams_a_selection() => await AccessLogAsync(SqliteDatabase.CreateMigrated().Database);

    [PostgresFact]
    public async Task Postgres_access_log_pages_counts_and_streams_a_selection() => await AccessLogAsync(await postgres.CreateMigratedDatabaseAsync());

    [Fact]
    public async Task Sqlite_outbox_counts_and_pages_by_state() => await OutboxAsync(SqliteDatabase.CreateMigrated().Database);

    [PostgresFact]
    public async Task Postgres_outbox_counts_and_pages_by_state() => await OutboxAsync(await postgres.CreateMigratedDatabaseAsync());

    private static async Task RegisterAsync(Database database)
    {
        var clock = new FakeTimeProvider(Now);
        var store = new CaseStore(database, clock);
        var opened = new DateTime(2027, 1, 4, 0, 0, 0, DateTimeKind.Utc);
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            var partnerships = new PartnershipStore(database, clock);
            await partnerships.EnsureAsync("p1", "p1", connection, transaction, CancellationToken.None);
            await partnerships.EnsureAsync("p2", "p2", connection, transaction, CancellationToken.None);
            await store.UpsertAsync("p1", [
                new CaseRecord("CSC-100_A", "csc", "cin", "north", "W1", "St Mary's", opened, null, []),
                new CaseRecord("CSC-1000", "csc", "cin", "north", "W1", null, opened, opened.AddDays(30), []),
                new CaseRecord("POL-5%", "police", "cp", "east", "W2", "Oak School", opened, null, []),
            ], connection, transaction, CancellationToken.None);
            await store.UpsertAsync("p2", [new CaseRecord("CSC-100_B", "csc", "cin", "north", "W1", "Elm School", opened, null, [])],
                connection, transaction, CancellationToken.None);
        }, CancellationToken.None);

        (await store.SearchAsync("p1", null, 0, 2, CancellationToken.None)).Should().BeEquivalentTo(new { Total = 3 });
        (await store.SearchAsync("p1", null, 2, 2, CancellationToken.None)).Cases.Select(c => c.CaseRef).Should().Equal("POL-5%");
        (await store.SearchAsync("p1", "csc-100", 0, 10, CancellationToken.None)).Cases.Select(c => c.CaseRef).Should().Equal("CSC-1000", "CSC-100_A");
        (await store.SearchAsync("p1", "100_", 0, 10, CancellationToken.None)).Cases.Select(c => c.CaseRef).Should().Equal(["CSC-100_A"], "_ is a character, not a wildcard");
        (await store.SearchAsync("p1", "5%", 0, 10, CancellationToken.None)).Cases.Select(c => c.CaseRef).Should().Equal("POL-5%");
        (await store.SearchAsync("p1", "MARY", 0, 10, CancellationToken.None)).Cases.Select(c => c.CaseRef).Should().Equal("CSC-100_A");
        (await store.CountByAgencyAsync("p1", CancellationToken.None)).Should().Equal(
            new CaseStore.AgencyCount("csc", 2, 1), new CaseStore.AgencyCount("police", 1, 1));
        (await store.SchoolsAsync("p1", CancellationToken.None)).Should().Equal("Oak School", "St Mary's");
    }

    private static async Task AccessLogAsync(Database database)
    {
        var clock = new FakeTimeProvider(Now);
        var log = new AccessLogStore(database, clock);
        for (var i = 0; i < 5; i++)
        {
            await log.WriteAsync(new AccessEntry("p1", "u1", i % 2 == 0 ? "a@x.test" : "b@x.test", AccessLogStore.View, "case", $"C{i}", null, null), CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        await log.WriteAsync(new AccessEntry("p2", "u9", "a@x.test", AccessLogStore.View, "case", "other", null, null), CancellationToken.None);
        var all = new AccessLogStore.Selection("p1", Now.UtcDateTime, Now.UtcDateTime.AddHours(1), null);
        var mine = all with { UserEmail = " A@X.test " };
        var before = all with { ToUtc = Now.UtcDateTime.AddMinutes(2) };

        (await log.CountAsync(all, CancellationToken.None)).Should().Be(5);
        (await log.PageAsync(all, 1, 2, CancellationToken.None)).Select(r => r.ObjectId).Should().Equal("C3", "C2");
        (await log.CountAsync(mine, CancellationToken.None)).Should().Be(3);
        (await log.CountAsync(before, CancellationToken.None)).Should().Be(2, "the end is exclusive");
        var streamed = new List<string>();
        await foreach (var row in log.AllAsync(all, CancellationToken.None))
        {
            streamed.Add(row.ObjectId);
        }

        streamed.Should().Equal("C4", "C3", "C2", "C1", "C0");
    }

    private static async Task OutboxAsync(Database database)
    {
        var clock = new FakeTimeProvider(Now);
        var outbox = new Outbox(database, clock);
        var query = new OutboxQuery(database);
        foreach (var (key, partnership) in new[] { ("a", "p1"), ("b", "p1"), ("c", "p1"), ("d", "p1"), ("e", "p2") })
        {
            await outbox.AddAsync(partnership, new Notification(key, NotificationKinds.Reminder, "R", "r@x.test", $"Subject {key}", "Body"), CancellationToken.None);
        }

        await database.WriteStatementAsync("UPDATE notification_outbox SET status = 'delivered', attempts = 1, delivered_utc = @Now WHERE dedup_key = 'a'", new { Now = Now.UtcDateTime }, CancellationToken.None);
        await database.WriteStatementAsync("UPDATE notification_outbox SET status = 'failed', attempts = 12 WHERE dedup_key IN ('b', 'e')", null, CancellationToken.None);
        await database.WriteStatementAsync("UPDATE notification_outbox SET attempts = 2 WHERE dedup_key = 'c'", null, CancellationToken.None);

        (await query.CountAsync("p1", CancellationToken.None)).Should().Be(new OutboxQuery.Counts(Queued: 1, Retrying: 1, Sent: 1, Failed: 1));
        (await query.PageAsync("p1", OutboxQuery.View.Failed, 0, 10, CancellationToken.None)).Select(r => r.DedupKey).Should().Equal("b");
        (await query.PageAsync("p1", OutboxQuery.View.Retrying, 0, 10, CancellationToken.None)).Select(r => r.DedupKey).Should().Equal("c");
        (await query.PageAsync("p1", OutboxQuery.View.Queued, 0, 10, CancellationToken.None)).Select(r => r.DedupKey).Should().Equal("d");
        (await query.PageAsync("p1", OutboxQuery.View.Sent, 1, 10, CancellationToken.None)).Should().BeEmpty();
    }
}
