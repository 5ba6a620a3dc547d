using DeepDive.Engine.Import;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Tests.Scheduling;

/// <summary>Rounds through the real Quartz path in virtual time, on whichever database a test gives.</summary>
internal static class WorkingDayScenarios
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Term dates of 2026-27 and the autumn of 2027 (October half term: 25 to 29 October 2027).</summary>
    public const string Terms = """
        term,start,end
        Autumn 1,2026-09-02,2026-10-23
        Autumn 2,2026-11-02,2026-12-18
        Spring 1,2027-01-04,2027-02-12
        Spring 2,2027-02-22,2027-03-25
        Summer 1,2027-04-12,2027-05-28
        Summer 2,2027-06-07,2027-07-21
        Autumn 1,2027-09-01,2027-10-22
        Autumn 2,2027-11-01,2027-12-17
        """;

    public static async Task ImportTermsAsync(VirtualEngine engine)
    {
        var result = await new SchoolTermImporter(engine.Database, engine.Clock)
            .ImportAsync(VirtualEngine.Partnership, new StringReader(Terms), CancellationToken.None);
        result.Errors.Should().BeEmpty();
    }

    public static DateTime Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    public static DateTimeOffset At(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Mondays in March 2027 at 09:00 London: 22 March (GMT) opens at 09:00 UTC; Easter Monday 29 March (the day after
    /// the clocks go forward) moves to Tuesday 30 March 09:00 BST, 08:00 UTC, once.
    /// </summary>
    public static async Task EasterMondayMovesToTuesday_OnceAsync(Database database)
    {
        await using var engine = await VirtualEngine.CreateAsync(database, At(2027, 3, 20));
        await engine.AddCyclesAsync(VirtualEngine.Cycle("spring", "0 0 9 ? MAR MON"));
        await engine.StartAsync();

        await engine.RunUntilAsync(At(2027, 3, 29, 12));
        (await engine.RoundsAsync("spring")).Should().ContainSingle("Easter Monday's round waits for Tuesday");
        (await engine.WaitingMovedTriggersAsync()).Should().Be(1);

        await engine.RunUntilAsync(At(2027, 4, 3));
        var rounds = await engine.RoundsAsync("spring");
        rounds.Select(r => r.ScheduledForUtc).Should().Equal(Utc(2027, 3, 22, 9), Utc(2027, 3, 30, 8));
        rounds.Should().OnlyContain(r => TimeZoneInfo.ConvertTimeFromUtc(r.ScheduledForUtc, London).Hour == 9, "09:00 London either side of the change");
        rounds[0].MovedFromUtc.Should().BeNull();
        rounds[1].MovedFromUtc.Should().Be(Utc(2027, 3, 29, 8));
        rounds[1].MoveReason.Should().Be("Easter Monday (bank holiday)");
        rounds[1].FiringKey.Should().Be("spring@2027-03-29T08:00:00Z", "the firing key stays the original firing's");
        (await engine.WaitingMovedTriggersAsync()).Should().Be(0);
        (await engine.ErrorsAsync()).Should().Be(0);
    }
}
