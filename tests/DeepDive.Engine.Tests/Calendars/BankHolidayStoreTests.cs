using Dapper;
using DeepDive.Domain.Calendars;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Calendars;

[Collection(PostgresCollection.Name)]
public sealed class BankHolidayStoreTests(PostgresServer postgres)
{
    private static IReadOnlyList<BankHoliday> Shipped() => BankHolidayFile.Read(BankHolidayFile.DefaultPath());

    [PostgresTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Replace_StoresExactlyTheGivenHolidays_AndWritesNothingWhenTheyAreTheSame(string databaseKind)
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var database = databaseKind == "sqlite" ? sqlite.Database : await postgres.CreateMigratedDatabaseAsync();
        var store = new BankHolidayStore(database);
        var shipped = Shipped();

        (await store.ReplaceAsync(shipped, CancellationToken.None)).Should().BeTrue();
        (await store.ReplaceAsync(shipped, CancellationToken.None)).Should().BeFalse("the database already holds the file");
        var fewer = shipped.Skip(3).Select(h => h.Date.Month == 12 ? h with { Title = h.Title + " (moved)" } : h).ToList();
        (await store.ReplaceAsync(fewer, CancellationToken.None)).Should().BeTrue();

        (await store.ListAsync(CancellationToken.None)).Should().Equal(fewer.OrderBy(h => h.Date), "dropped days go and changed titles change");
    }

    /// <summary>
    /// Every <c>deepdive run</c> loads the file as it starts, so nodes started together on a new database all find it empty
    /// and write the same holidays at once. None may fail for it (a node that failed here never started).
    /// </summary>
    [PostgresTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Replace_ByFourWritersAtOnceOnAnEmptyTable_NeverFails_AndLeavesTheFile(string databaseKind)
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var database = databaseKind == "sqlite" ? sqlite.Database : await postgres.CreateMigratedDatabaseAsync();
        var shipped = Shipped();

        for (var attempt = 0; attempt < 10; attempt++)
        {
            await using (var connection = await database.OpenAsync(CancellationToken.None))
            {
                await connection.ExecuteAsync("DELETE FROM bank_holiday");
            }

            using var start = new Barrier(4);
            var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                start.SignalAndWait();
                return await new BankHolidayStore(database).ReplaceAsync(shipped, CancellationToken.None);
            })).ToList();

            var changed = await Task.WhenAll(writers);

            changed.Should().Contain(true, "someone stored the holidays on attempt {0}", attempt);
            (await new BankHolidayStore(database).ListAsync(CancellationToken.None)).Should().Equal(shipped.OrderBy(h => h.Date));
        }
    }
}
