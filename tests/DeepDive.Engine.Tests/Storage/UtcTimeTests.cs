using Dapper;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Storage;

/// <summary>Domain times go in as UTC and come back as the same instant with <see cref="DateTimeKind.Utc"/>, on every dialect.</summary>
[Collection(PostgresCollection.Name)]
public sealed class UtcTimeTests(PostgresServer postgres)
{
    // Microsecond precision: the finest that every dialect keeps (PostgreSQL's timestamptz).
    private static readonly DateTime Created = new DateTime(2027, 3, 1, 8, 0, 0, DateTimeKind.Utc).AddTicks(1_234_560);
    private static readonly DateTime Opened = new(2026, 11, 30, 23, 30, 0, DateTimeKind.Utc);
    // In British Summer Time, so a time taken as London-local instead of UTC would be an hour out.
    private static readonly DateTime Summer = new DateTime(2027, 6, 1, 12, 0, 0, DateTimeKind.Utc).AddTicks(10);

    [Fact]
    public async Task DomainTime_OnSqlite_RoundTripsAsUtc()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await RoundTripAsync(sqlite.Database);
    }

    [PostgresFact]
    public async Task DomainTime_OnPostgres_RoundTripsAsUtc()
    {
        await RoundTripAsync(await postgres.CreateMigratedDatabaseAsync());
    }

    [Fact]
    public async Task UnspecifiedTime_OnSqlite_IsStoredAsUtc()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await UnspecifiedIsUtcAsync(sqlite.Database);
    }

    [PostgresFact]
    public async Task UnspecifiedTime_OnPostgres_IsStoredAsUtc()
    {
        await UnspecifiedIsUtcAsync(await postgres.CreateMigratedDatabaseAsync());
    }

    private static async Task RoundTripAsync(Database database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await InsertPartnershipAsync(connection, "p1", Created);
        await connection.ExecuteAsync(
            """
            INSERT INTO case_record (partnership_id, case_ref, agency, case_type, team, worker, school, opened_on, closed_on, involved_agencies, updated_utc)
            VALUES (@PartnershipId, @CaseRef, 'police', 'cin', 't1', 'w1', NULL, @OpenedOn, @ClosedOn, 'police', @UpdatedUtc)
            """,
            new[]
            {
                new { PartnershipId = "p1", CaseRef = "C1", OpenedOn = Opened, ClosedOn = (DateTime?)null, UpdatedUtc = Created },
                new { PartnershipId = "p1", CaseRef = "C2", OpenedOn = Opened, ClosedOn = (DateTime?)Created, UpdatedUtc = Created },
            });

        var partnership = await connection.QuerySingleAsync<PartnershipRow>(
            "SELECT id AS Id, created_utc AS CreatedUtc FROM partnership WHERE id = @Id", new { Id = "p1" });
        var scalar = await connection.ExecuteScalarAsync<DateTime>("SELECT created_utc FROM partnership WHERE id = @Id", new { Id = "p1" });
        var cases = (await connection.QueryAsync<CaseRow>(
            "SELECT case_ref AS CaseRef, opened_on AS OpenedOn, closed_on AS ClosedOn FROM case_record ORDER BY case_ref")).ToList();

        partnership.CreatedUtc.Should().Be(Created);
        partnership.CreatedUtc.Kind.Should().Be(DateTimeKind.Utc);
        scalar.Should().Be(Created);
        scalar.Kind.Should().Be(DateTimeKind.Utc);
        cases.Select(c => c.OpenedOn).Should().AllSatisfy(o => { o.Should().Be(Opened); o.Kind.Should().Be(DateTimeKind.Utc); });
        cases[0].ClosedOn.Should().BeNull();
        cases[1].ClosedOn.Should().Be(Created);
        cases[1].ClosedOn!.Value.Kind.Should().Be(DateTimeKind.Utc);

        // Stored times compare with time parameters: equality and order.
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM partnership WHERE created_utc = @At", new { At = Created }))
            .Should().Be(1);
        (await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM case_record WHERE opened_on < @Before AND updated_utc > @After",
            new { Before = Opened.AddTicks(10), After = Created.AddTicks(-10) }))
            .Should().Be(2);
    }

    private static async Task UnspecifiedIsUtcAsync(Database database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await InsertPartnershipAsync(connection, "p2", DateTime.SpecifyKind(Summer, DateTimeKind.Unspecified));

        var stored = await connection.ExecuteScalarAsync<DateTime>("SELECT created_utc FROM partnership WHERE id = @Id", new { Id = "p2" });
        var found = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM partnership WHERE created_utc = @At", new { At = DateTime.SpecifyKind(Summer, DateTimeKind.Unspecified) });

        found.Should().Be(1);
        stored.Should().Be(Summer);
        stored.Kind.Should().Be(DateTimeKind.Utc);
    }

    private static Task InsertPartnershipAsync(System.Data.Common.DbConnection connection, string id, DateTime created) =>
        connection.ExecuteAsync(
            "INSERT INTO partnership (id, name, created_utc) VALUES (@Id, @Name, @CreatedUtc)",
            new { Id = id, Name = "Test partnership", CreatedUtc = created });

    private sealed class PartnershipRow
    {
        public string Id { get; init; } = "";
        public DateTime CreatedUtc { get; init; }
    }

    private sealed class CaseRow
    {
        public string CaseRef { get; init; } = "";
        public DateTime OpenedOn { get; init; }
        public DateTime? ClosedOn { get; init; }
    }
}
