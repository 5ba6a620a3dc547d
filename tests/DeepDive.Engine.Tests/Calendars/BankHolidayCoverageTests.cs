using DeepDive.Engine.Auditors;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Cycles;
using DeepDive.Simulation;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Scheduling;
using DeepDive.Engine.Tests.Support;

namespace DeepDive.Engine.Tests.Calendars;

/// <summary>
/// The shipped bank holidays end in 2030: a round opened, or a due date counted, past them says so on the round (where
/// <c>cycle report</c> shows it), naming the file to update; nothing inside them warns.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BankHolidayCoverageTests(PostgresServer postgres)
{
    private const string File = "bank-holidays-england-and-wales.json";

    [Fact]
    public async Task Coverage_OfTheStoredHolidays_EndsWithTheFilesLastYear_AndNamesTheFile()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var loaded = await new BankHolidayStore(sqlite.Database).LoadFileAsync(null, CancellationToken.None);

        var coverage = await BankHolidayCoverage.ReadAsync(sqlite.Database, CancellationToken.None);

        (coverage.FirstYear, coverage.LastYear).Should().Be((loaded.FirstYear, loaded.LastYear));
        coverage.File.Should().Be(loaded.File).And.EndWith(Path.Combine("calendars", File));
        var last = new DateOnly(loaded.LastYear, 12, 31);
        coverage.NotChecked("the day", last, last).Should().BeNull();
        coverage.NotChecked("the day", last, last.AddDays(1)).Should().Be(
            $"the day was not checked for bank holidays: {loaded.File} covers {loaded.FirstYear}-{loaded.LastYear} only; add {loaded.LastYear + 1}'s bank holidays to it");
    }

    [PostgresTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Rounds_PastTheCoverage_SayOnTheRoundThatTheirDaysWereNotChecked_AndRoundsWithinItSayNothing(string databaseKind)
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var database = databaseKind == "sqlite" ? sqlite.Database : await postgres.CreateMigratedDatabaseAsync();
        await using var engine = await VirtualEngine.CreateAsync(database, WorkingDayScenarios.At(2029, 12, 20));
        await AddAuditorsAsync(engine);
        await engine.AddCyclesAsync(
            // Monday 7 January 2030 and Monday 6 January 2031, 09:00 GMT.
            VirtualEngine.Cycle("january", "0 0 9 ? JAN MON#1"),
            // Monday 16 December 2030: fifteen working days run into January 2031.
            VirtualEngine.Cycle("december", "0 0 9 16 DEC ?", deadline: 15));
        await engine.StartAsync();

        await engine.RunUntilAsync(WorkingDayScenarios.At(2031, 1, 10));

        var january = await NotesAsync(database, engine, "january");
        january.Keys.Should().Equal(new DateTime(2030, 1, 7, 9, 0, 0), new DateTime(2031, 1, 6, 9, 0, 0));
        january[new DateTime(2030, 1, 7, 9, 0, 0)].Should().BeNull("2030's bank holidays are in the file");
        january[new DateTime(2031, 1, 6, 9, 0, 0)].Should().StartWith("the day it opens, Mon 6 Jan 2031, was not checked for bank holidays: ")
            .And.Contain($"{File} covers 2025-2030 only; add 2031's bank holidays to it");
        Occurrences(january[new DateTime(2031, 1, 6, 9, 0, 0)]!, BankHolidayCoverage.NotCheckedPhrase).Should().Be(1, "the round says it once");

        var december = (await NotesAsync(database, engine, "december")).Should().ContainSingle().Subject.Value;
        december.Should().StartWith("the tasks' due date, ").And.Contain("(15 working days), was not checked for bank holidays: ")
            .And.Contain($"{File} covers 2025-2030 only; add 2031's bank holidays to it");
        Occurrences(december!, BankHolidayCoverage.NotCheckedPhrase).Should().Be(1, "each deep dive's due date is noted on the round once");
        (await engine.ErrorsAsync()).Should().Be(0);
    }

    private static async Task AddAuditorsAsync(VirtualEngine engine)
    {
        var partnership = SyntheticPartnership.Generate(5, 300, engine.Clock.GetUtcNow().UtcDateTime);
        await engine.Database.InTransactionAsync(async (connection, transaction) =>
        {
            await new CaseStore(engine.Database, engine.Clock).UpsertAsync(VirtualEngine.Partnership, partnership.Cases, connection, transaction, CancellationToken.None);
            await new AuditorStore(engine.Database, engine.Clock).UpsertAsync(VirtualEngine.Partnership, partnership.Auditors, connection, transaction, CancellationToken.None);
        }, CancellationToken.None);
    }

    /// <summary>The cycle's rounds by when they were due, with their notes as <c>cycle report</c> shows them.</summary>
    private static async Task<SortedDictionary<DateTime, string?>> NotesAsync(Database database, VirtualEngine engine, string cycleId)
    {
        var report = await CycleReport.LoadAsync(database, engine.Clock, VirtualEngine.Partnership, cycleId, CancellationToken.None);
        report.Should().NotBeNull();
        return new SortedDictionary<DateTime, string?>(report!.Rounds.Where(r => r.Kind == "scheduled").ToDictionary(r => r.ScheduledForUtc, r => r.Note));
    }

    private static int Occurrences(string text, string phrase) => (text.Length - text.Replace(phrase, "", StringComparison.Ordinal).Length) / phrase.Length;
}
