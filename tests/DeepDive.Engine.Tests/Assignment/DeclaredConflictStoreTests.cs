using Dapper;
using DeepDive.Domain.Assignment;
using DeepDive.Domain.Auditors;
using DeepDive.Domain.Cases;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Engine.Tests.Assignment;

[Collection(PostgresCollection.Name)]
public sealed class DeclaredConflictStoreTests(PostgresServer postgres)
{
    private readonly FakeTimeProvider Clock = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Declare_OnSqlite_StoresListsAndRefusesUnknownAuditorsAndCases()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await DeclareAndListAsync(sqlite.Database);
    }

    [PostgresFact]
    public async Task Declare_OnPostgres_StoresListsAndRefusesUnknownAuditorsAndCases()
    {
        await DeclareAndListAsync(await postgres.CreateMigratedDatabaseAsync());
    }

    private async Task DeclareAndListAsync(Database database)
    {
        var ct = CancellationToken.None;
        await new PartnershipStore(database, Clock).EnsureAsync("p", "p", ct);
        await database.InTransactionAsync(async (c, t) =>
        {
            await new CaseStore(database, Clock).UpsertAsync("p", [new CaseRecord("CSC-1", "csc", "child-in-need", "north", "W-1", null, new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc), null, [])], c, t, ct);
            await new AuditorStore(database, Clock).UpsertAsync("p", [new Auditor("A1", "Priya Shah", "csc", "qa", [], 4), new Auditor("A2", "Sam Okafor", "police", "ppu", [], 2)], c, t, ct);
        }, ct);
        var store = new DeclaredConflictStore(database, Clock);

        var first = await store.DeclareAsync("p", "A1", ConflictSubject.Case, "CSC-1", "  knows the family  ", "QA lead", ct);
        var worker = await store.DeclareAsync("p", "A2", ConflictSubject.Worker, "W-1", "former partner", "", ct);
        var team = await store.DeclareAsync("p", "A1", ConflictSubject.Team, "south-hub", "was its manager until 2026", "QA lead", ct);

        first.Should().BeEquivalentTo(new { Replaced = false, Note = (string?)null });
        first.Conflict.Should().Be(new DeclaredConflict("A1", ConflictSubject.Case, "CSC-1", "knows the family", "QA lead", Clock.GetUtcNow().UtcDateTime));
        worker.Conflict.DeclaredBy.Should().Be("A2", "the auditor records it when nobody else is named");
        worker.Note.Should().BeNull("a case in the register has worker W-1");
        team.Note.Should().Contain("No case in the register has team 'south-hub' yet");

        Clock.Advance(TimeSpan.FromDays(1));
        var again = await store.DeclareAsync("p", "A1", ConflictSubject.Case, "CSC-1", "is the child's aunt", "business team", ct);
        again.Replaced.Should().BeTrue();

        var all = await store.ListAsync("p", null, ct);
        all.Select(c => (c.AuditorId, c.Kind, c.Subject, c.Reason)).Should().Equal(
            ("A1", ConflictSubject.Case, "CSC-1", "is the child's aunt"),
            ("A1", ConflictSubject.Team, "south-hub", "was its manager until 2026"),
            ("A2", ConflictSubject.Worker, "W-1", "former partner"));
        all[0].DeclaredUtc.Should().Be(Clock.GetUtcNow().UtcDateTime);
        (await store.ListAsync("p", "A2", ct)).Should().ContainSingle().Which.Subject.Should().Be("W-1");

        var unknownAuditor = () => store.DeclareAsync("p", "A9", ConflictSubject.Case, "CSC-1", "reason", "", ct);
        await unknownAuditor.Should().ThrowAsync<ArgumentException>().WithMessage("There is no auditor 'A9' in partnership 'p'; nothing was stored.");
        var unknownCase = () => store.DeclareAsync("p", "A2", ConflictSubject.Case, "CSC-404", "reason", "", ct);
        await unknownCase.Should().ThrowAsync<ArgumentException>().WithMessage("There is no case 'CSC-404' in partnership 'p'; nothing was stored.");
        var noReason = () => store.DeclareAsync("p", "A2", ConflictSubject.Team, "north", "  ", "", ct);
        await noReason.Should().ThrowAsync<ArgumentException>().WithMessage("Give the reason*");
        var listUnknown = () => store.ListAsync("p", "A9", ct);
        await listUnknown.Should().ThrowAsync<ArgumentException>().WithMessage("There is no auditor 'A9' in partnership 'p'.");

        await using var connection = await database.OpenAsync(ct);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM auditor_conflict")).Should().Be(3, "refused declarations store nothing");
    }
}
