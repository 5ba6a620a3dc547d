using Dapper;
using DeepDive.Domain.Assignment;
using DeepDive.Domain.Auditors;
using DeepDive.Domain.Cases;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Assignment;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Rounds;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Engine.Tests.Assignment;

/// <summary>A real round through Quartz-free start, workflows and the store: conflicts, monthly capacity and the stored explanations.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RoundAssignmentTests(PostgresServer postgres)
{
    // 00:30 on 1 April in London (summer time), still 31 March in UTC: the month that counts is April.
    private static readonly DateTimeOffset Now = new(2027, 3, 31, 23, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Round_OnSqlite_HonoursConflictsAndMonthlyCapacity_AndStoresWhyTasksHaveNoAuditor()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await RunAsync(sqlite.Database);
    }

    [PostgresFact]
    public async Task Round_OnPostgres_HonoursConflictsAndMonthlyCapacity_AndStoresWhyTasksHaveNoAuditor()
    {
        await RunAsync(await postgres.CreateMigratedDatabaseAsync());
    }

    private static async Task RunAsync(Database database)
    {
        var ct = CancellationToken.None;
        var clock = new FakeTimeProvider(Now);
        var opened = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        await new PartnershipStore(database, clock).EnsureAsync("p", "p", ct);
        var cases = new[]
        {
            new CaseRecord("C1", "csc", "child-in-need", "north", "W1", null, opened, null, []),
            new CaseRecord("C2", "csc", "child-in-need", "north", "W2", null, opened, null, []),
            new CaseRecord("C3", "csc", "child-in-need", "south", "W3", null, opened, null, []),
            new CaseRecord("C4", "police", "missing-episode", "ppu", "W4", null, opened, null, []),
            new CaseRecord("X1", "csc", "child-in-need", "east", "W5", null, opened, DateTime.SpecifyKind(opened.AddDays(30), DateTimeKind.Utc), []),
        };
        var auditors = new[]
        {
            new Auditor("A1", "Priya Shah", "csc", "qa", [], 1, Manager: "W1"),
            new Auditor("A2", "Amira Hussain", "csc", "south", [], 5),
            new Auditor("A3", "Lee Brown", "csc", "qa", [], 2),
        };
        await database.InTransactionAsync(async (c, t) =>
        {
            await new CaseStore(database, clock).UpsertAsync("p", cases, c, t, ct);
            await new AuditorStore(database, clock).UpsertAsync("p", auditors, c, t, ct);
            // Work already taken: A3 has two tasks that opened in April (London time), A1 one that opened in March.
            await c.ExecuteAsync("""
                INSERT INTO audit_round (partnership_id, round_id, cycle_id, kind, firing_key, scheduled_for_utc, started_utc, status, seed, cycle_json)
                VALUES ('p', 'R0', 'old', 'scheduled', 'old', @March, @March, 'in-progress', 1, '{}');
                INSERT INTO deep_dive (partnership_id, deep_dive_id, round_id, case_ref, status, needs_work, opened_utc)
                VALUES ('p', 'R0/X1', 'R0', 'X1', 'open', 0, @March);
                INSERT INTO audit_task (partnership_id, task_id, deep_dive_id, round_id, case_ref, agency, auditor_id, status, opened_utc, due_utc, late)
                VALUES ('p', 'R0/X1/a', 'R0/X1', 'R0', 'X1', 'csc', 'A3', 'open', @April, @Due, 0),
                       ('p', 'R0/X1/b', 'R0/X1', 'R0', 'X1', 'csc', 'A3', 'submitted', @April, @Due, 0),
                       ('p', 'R0/X1/c', 'R0/X1', 'R0', 'X1', 'csc', 'A1', 'open', @March, @Due, 0);
                """, new { March = new DateTime(2027, 3, 31, 22, 50, 0, DateTimeKind.Utc), April = new DateTime(2027, 3, 31, 23, 10, 0, DateTimeKind.Utc), Due = Now.UtcDateTime.AddDays(20) }, t);
        }, ct);
        await new DeclaredConflictStore(database, clock).DeclareAsync("p", "A2", ConflictSubject.Case, "C2", "knows the family", "QA lead", ct);
        await new CycleStore(database, clock).AddOrUpdateAsync("p", new CycleDefinition
        {
            Id = "neglect", Name = "Neglect deep dive", Theme = "neglect", Schedule = new CycleSchedule { Months = [4] }, SampleSize = 4, ReserveSize = 0,
        }, ct);

        await using var runtime = DeepDiveRuntime.Create(database, clock, new RuntimeOptions { InstanceName = $"t-{Guid.NewGuid():N}", PollInterval = TimeSpan.FromMilliseconds(50) });
        await runtime.StartAsync(ct);
        var started = await runtime.Services.GetRequiredService<RoundStarter>().StartScheduledAsync("p", "neglect", Now.UtcDateTime, ct);
        await runtime.WaitUntilIdleAsync(TimeSpan.FromMinutes(1), ct);
        await runtime.StopAsync();
        var round = started!.RoundId;

        await using var connection = await database.OpenAsync(ct);
        var given = (await connection.QueryAsync<(string CaseRef, string? AuditorId, string Status, string? Reason)>(
                "SELECT case_ref, auditor_id, status, unassigned_reason FROM audit_task WHERE round_id = @round ORDER BY case_ref", new { round }))
            .ToDictionary(r => r.CaseRef);
        given.Keys.Should().Equal("C1", "C2", "C3", "C4");
        // C1: A1 is managed by its worker and A3 is full, so A2. A1 has room for one of C2 (A2 declared a conflict) and C3 (A2's own team).
        given["C1"].AuditorId.Should().Be("A2");
        var (taken, left) = given["C2"].AuditorId == "A1" ? ("C2", "C3") : ("C3", "C2");
        given[taken].AuditorId.Should().Be("A1", "A1's task opened in March by London time, so it has April's capacity free");
        given[left].AuditorId.Should().BeNull();
        given[left].Status.Should().Be("unassigned");
        given[left].Reason.Should().StartWith("No eligible auditor is free");
        given["C4"].Reason.Should().Be("No auditor belongs to police or has the 'police' skill.");

        var unassigned = await new UnassignedTaskStore(database).ListAsync("p", round, ct);
        unassigned.Select(u => u.CaseRef).Should().BeEquivalentTo(left, "C4");
        var why = unassigned.Single(u => u.CaseRef == left);
        why.Candidates.Select(c => (c.AuditorId, c.Rule)).Should().Equal(("A1", "capacity-used-by-round"), ("A3", "at-capacity"), ("A2", "conflict"));
        why.Candidates[0].TakenTasks.Should().Equal($"{round}/{taken}/csc");
        why.Candidates[1].Reason.Should().Be("already at capacity: 2 of 2 this month");
        why.Candidates[2].Reason.Should().Be(left == "C2" ? "declared a conflict with case C2: knows the family" : "same team as the case (south)");
        why.CouldTakeIt.Should().Equal("A1", "A3");
        unassigned.Single(u => u.CaseRef == "C4").Candidates.Should().OnlyContain(c => c.Rule == "missing-skill");

        var summary = await RoundSummary.GetAsync(database, "p", round, ct);
        summary.Should().BeEquivalentTo(new { Cases = 4, Tasks = 4, TasksAssigned = 2, TasksUnassigned = 2 });
        var text = UnassignedReport.Render(round, summary.Unassigned);
        text.Should().Contain($"2 task(s) of round {round} have no auditor.")
            .And.Contain("  Capacity used by other tasks in this round (1):\n    A1 (Priya Shah): capacity used by other tasks in this round: 1 of 1 this month".ReplaceLineEndings())
            .And.Contain("    not in police and no 'police' skill: A1, A2, A3");
    }
}
