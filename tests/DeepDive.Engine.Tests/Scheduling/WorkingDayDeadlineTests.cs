using Dapper;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Cases;
using DeepDive.Simulation;
using DeepDive.Engine.Tests.Support;
using static DeepDive.Engine.Tests.Scheduling.WorkingDayScenarios;

namespace DeepDive.Engine.Tests.Scheduling;

/// <summary>Task due dates counted in working days, on tasks opened by rounds the scheduler fired in virtual time.</summary>
public sealed class WorkingDayDeadlineTests
{
    [Fact]
    public async Task DueDates_SkipWeekendsBankHolidays_AndSchoolHolidaysWhereTheCycleAvoidsThem()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var start = At(2027, 10, 9);
        await using var engine = await VirtualEngine.CreateAsync(sqlite.Database, start);
        await ImportTermsAsync(engine);
        var partnership = SyntheticPartnership.Generate(5, 400, start.UtcDateTime);
        await sqlite.Database.InTransactionAsync(async (connection, transaction) =>
        {
            await new CaseStore(sqlite.Database, engine.Clock).UpsertAsync(VirtualEngine.Partnership, partnership.Cases, connection, transaction, CancellationToken.None);
            await new AuditorStore(sqlite.Database, engine.Clock).UpsertAsync(VirtualEngine.Partnership, partnership.Auditors, connection, transaction, CancellationToken.None);
        }, CancellationToken.None);
        await engine.AddCyclesAsync(
            // Monday 11 October 2027, 09:00 BST; ten working days.
            VirtualEngine.Cycle("term-time", "0 0 9 11 OCT ?", avoidSchoolHolidays: true),
            VirtualEngine.Cycle("all-year", "0 0 9 11 OCT ?"),
            // Monday 13 December 2027, 09:00 GMT; ten working days.
            VirtualEngine.Cycle("before-christmas", "0 0 9 13 DEC ?"));
        await engine.StartAsync();

        await engine.RunUntilAsync(At(2027, 12, 14));
        // 12-15, 18-22 October, then the half term (25-29 October) passes: Monday 1 November, after the clocks go back: 09:00 GMT.
        (await DueDatesAsync(sqlite, "term-time")).Should().Equal(Utc(2027, 11, 1, 9));
        // Without school holidays the tenth working day is Monday 25 October, still summer time: 09:00 BST.
        (await DueDatesAsync(sqlite, "all-year")).Should().Equal(Utc(2027, 10, 25, 8));
        // 14-17, 20-24 December, then Christmas and Boxing Day (on the weekend) and their substitutes on 27 and 28 pass: Wednesday 29 December.
        (await DueDatesAsync(sqlite, "before-christmas")).Should().Equal(Utc(2027, 12, 29, 9));
        (await engine.ErrorsAsync()).Should().Be(0);
    }

    private static async Task<IReadOnlyList<DateTime>> DueDatesAsync(SqliteDatabase sqlite, string cycleId)
    {
        await using var connection = await sqlite.Database.OpenAsync(CancellationToken.None);
        var due = (await connection.QueryAsync<DateTime>("""
            SELECT DISTINCT t.due_utc FROM audit_task t JOIN audit_round r ON r.round_id = t.round_id WHERE r.cycle_id = @CycleId
            """, new { CycleId = cycleId })).ToList();
        var notes = string.Join(" / ", await connection.QueryAsync<string>("SELECT status || ': ' || COALESCE(note, '') FROM audit_round WHERE cycle_id = @CycleId", new { CycleId = cycleId }));
        due.Should().NotBeEmpty($"the {cycleId} round opened tasks ({notes})");
        return due;
    }
}
