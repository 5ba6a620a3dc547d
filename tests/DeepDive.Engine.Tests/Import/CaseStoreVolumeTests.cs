using DeepDive.Domain.Cases;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Partnerships;

namespace DeepDive.Engine.Tests.Import;

public sealed class CaseStoreVolumeTests : IDisposable
{
    private readonly TempSqliteDatabase db = new();

    public void Dispose() => db.Dispose();

    private static List<CaseRecord> Cases(int count, string team) => Enumerable.Range(1, count)
        .Select(i => new CaseRecord(
            $"CSC-2025-{i:D6}", "csc", i % 3 == 0 ? "child-protection" : "child-in-need", team, $"W-{i % 40:D3}",
            i % 5 == 0 ? $"SCH-{i % 90:D4}" : null, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i % 700), null, ["police", "health"]))
        .ToList();

    [Fact]
    public async Task Upsert_TwentyThousandCasesTwice_InsertsThenUpdatesEveryOne()
    {
        var store = new CaseStore(db.Database, db.Clock);
        await new PartnershipStore(db.Database, db.Clock).EnsureAsync("northshire", "Northshire", CancellationToken.None);

        var first = await db.Database.InTransactionAsync(
            (c, t) => store.UpsertAsync("northshire", Cases(20_000, "north"), c, t, CancellationToken.None), CancellationToken.None);
        var second = await db.Database.InTransactionAsync(
            (c, t) => store.UpsertAsync("northshire", Cases(20_000, "south"), c, t, CancellationToken.None), CancellationToken.None);

        first.Should().Be((20_000, 0));
        second.Should().Be((0, 20_000));
        (await store.CountAsync("northshire", CancellationToken.None)).Should().Be(20_000);
        (await store.GetAsync("northshire", "CSC-2025-019999", CancellationToken.None))!.Team.Should().Be("south");
    }

    [Fact]
    public async Task Upsert_SameReferenceTwiceInOneBatch_CountsTheSecondAsAnUpdate()
    {
        var store = new CaseStore(db.Database, db.Clock);
        await new PartnershipStore(db.Database, db.Clock).EnsureAsync("northshire", "Northshire", CancellationToken.None);
        var cases = Cases(2, "north");
        cases.Add(cases[0] with { Team = "west" });

        var counts = await db.Database.InTransactionAsync(
            (c, t) => store.UpsertAsync("northshire", cases, c, t, CancellationToken.None), CancellationToken.None);

        counts.Should().Be((2, 1));
        (await store.GetAsync("northshire", cases[0].CaseRef, CancellationToken.None))!.Team.Should().Be("west");
    }
}
