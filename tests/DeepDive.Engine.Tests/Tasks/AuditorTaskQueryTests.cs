using Dapper;
using DeepDive.Domain.Cycles;
using DeepDive.Engine.Cycles;
using DeepDive.Engine.Partnerships;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tasks;
using DeepDive.Engine.Tests.Support;
using DeepDive.Engine.Workflows;
using DeepDive.Engine.Workflows.Data;
using Microsoft.Extensions.Time.Testing;

namespace DeepDive.Engine.Tests.Tasks;

[Collection(PostgresCollection.Name)]
public sealed class AuditorTaskQueryTests(PostgresServer postgres)
{
    private static readonly DateTime Now = new(2027, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Tasks_OnSqlite_ListPageDraftAndSubmit()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        await RunAsync(sqlite.Database);
    }

    [PostgresFact]
    public async Task Tasks_OnPostgres_ListPageDraftAndSubmit()
    {
        await RunAsync(await postgres.CreateMigratedDatabaseAsync());
    }

    private static async Task RunAsync(Database database)
    {
        var ct = CancellationToken.None;
        var clock = new FakeTimeProvider(new DateTimeOffset(Now));
        await SeedAsync(database, clock);
        var query = new AuditorTaskQuery(database, WorkflowTypes.CreateSerializer());
        var drafts = new TaskDraftStore(database, clock);
        var board = new TaskBoard(database, EventPublisher.StoreOnly(), clock);

        // A1's tasks to do: the open round's, earliest due first; not the closed round's, not A2's.
        var todo = await query.ListAsync(new("p", "A1", OpenRoundsOnly: true, Submitted: false), 0, 25, ct);
        todo.Total.Should().Be(3);
        todo.Rows.Select(r => r.TaskId).Should().Equal("R1/C3/csc", "R1/C1/csc", "R1/C2/csc");
        todo.Rows[0].Should().BeEquivalentTo(new { CaseRef = "C3", AuditorName = "Priya Shah", CycleName = "Neglect deep dive", Theme = "neglect", HasDraft = false, Submitted = false });
        (await query.ListAsync(new("p", "A1", OpenRoundsOnly: false, Submitted: true), 0, 25, ct)).Rows.Select(r => r.TaskId).Should().Equal("R0/C1/csc");
        (await query.ListAsync(new("p", "A1", OpenRoundsOnly: true, Submitted: true), 0, 25, ct)).Total.Should().Be(0, "the closed round's task is out");
        var everyone = await query.ListAsync(new("p", null, OpenRoundsOnly: false, Submitted: false), 1, 2, ct);
        everyone.Total.Should().Be(4);
        everyone.Rows.Select(r => r.TaskId).Should().Equal("R1/C3/police", "R1/C1/csc");
        (await query.ListAsync(new("other", null, false, false), 0, 25, ct)).Total.Should().Be(0);

        // A draft: saved, replaced, read back, flagged in the list; the extra write commits with it.
        await drafts.SaveAsync("p", "R1/C1/csc", "A1", new TaskSubmission { Grade = "good" }, null, ct);
        clock.Advance(TimeSpan.FromMinutes(5));
        var wrote = false;
        await drafts.SaveAsync("p", "R1/C1/csc", "A1", new TaskSubmission { Grade = "inadequate", Sections = [new SectionAnswer { Section = "A", Evidence = "e" }] },
            (c, t, _) => { wrote = true; return Task.CompletedTask; }, ct);
        wrote.Should().BeTrue();
        var draft = await drafts.GetAsync("p", "R1/C1/csc", ct);
        draft!.Answers.Grade.Should().Be("inadequate");
        draft.SavedUtc.Should().Be(clock.GetUtcNow().UtcDateTime);
        (await drafts.GetAsync("other", "R1/C1/csc", ct)).Should().BeNull();
        (await query.ListAsync(new("p", "A1", true, false), 0, 25, ct)).Rows.Single(r => r.TaskId == "R1/C1/csc").HasDraft.Should().BeTrue();

        // One task with its case and the round's copy of the cycle.
        var detail = await query.GetAsync("p", "R1/C1/csc", ct);
        detail!.Should().BeEquivalentTo(new { CaseType = "child-in-need", Team = "north", School = "SCH1", RoundClosed = false, Submitted = false, AuditorName = "Priya Shah" });
        detail.CaseOpenedOn.Should().Be(new DateTime(2026, 6, 1));
        detail.Cycle.AuditTool.Should().Be("multi-agency-deep-dive");
        (await query.GetAsync("other", "R1/C1/csc", ct)).Should().BeNull();
        (await query.GetAsync("p", "R0/C1/csc", ct))!.RoundClosed.Should().BeTrue();

        // Submitting: the draft goes, the extra write commits with it, and the task counts as submitted before the engine takes it.
        var logged = false;
        await board.SubmitAsync("p", "R1/C1/csc", "A1", new TaskSubmission { Grade = "good", Sections = [new SectionAnswer { Section = "A", Evidence = "seen" }] },
            (c, t, _) => { logged = true; return Task.CompletedTask; }, ct);
        logged.Should().BeTrue();
        (await drafts.GetAsync("p", "R1/C1/csc", ct)).Should().BeNull();
        var sent = await query.GetAsync("p", "R1/C1/csc", ct);
        sent!.Submitted.Should().BeTrue();
        sent.Status.Should().Be("open", "the engine has not taken the event yet");
        (await query.SubmittedAnswersAsync(sent, ct))!.Sections.Single().Evidence.Should().Be("seen");
        (await query.ListAsync(new("p", "A1", true, true), 0, 25, ct)).Rows.Select(r => r.TaskId).Should().Equal("R1/C1/csc");
        (await query.ListAsync(new("p", "A1", true, false), 0, 25, ct)).Total.Should().Be(2);
        (await query.SubmittedAnswersAsync((await query.GetAsync("p", "R0/C1/csc", ct))!, ct))!.Grade.Should().Be("outstanding", "recorded on the task");
        (await query.SubmittedAnswersAsync((await query.GetAsync("p", "R1/C2/csc", ct))!, ct)).Should().BeNull();
    }

    private static async Task SeedAsync(Database database, TimeProvider clock)
    {
        var ct = CancellationToken.None;
        await new PartnershipStore(database, clock).EnsureAsync("p", "p", ct);
        await new PartnershipStore(database, clock).EnsureAsync("other", "other", ct);
        var cycle = new CycleDefinition { Id = "neglect", Name = "Neglect deep dive", Theme = "neglect", Schedule = new CycleSchedule { Months = [4] }, SampleSize = 3 };
        await new CycleStore(database, clock).AddOrUpdateAsync("p", cycle, ct);
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO case_record (partnership_id, case_ref, agency, case_type, team, worker, school, opened_on, involved_agencies, updated_utc)
            VALUES ('p', 'C1', 'csc', 'child-in-need', 'north', 'W1', 'SCH1', @Opened, '', @Now);
            INSERT INTO auditor (partnership_id, auditor_id, name, agency, team, skills, monthly_capacity, updated_utc)
            VALUES ('p', 'A1', 'Priya Shah', 'csc', 'qa', '', 4, @Now), ('p', 'A2', 'Sam Okafor', 'csc', 'qa', '', 4, @Now);
            INSERT INTO audit_round (partnership_id, round_id, cycle_id, kind, firing_key, scheduled_for_utc, started_utc, closed_utc, status, seed, cycle_json)
            VALUES ('p', 'R0', 'neglect', 'scheduled', 'k0', @Now, @Now, @Now, 'closed', 1, @Cycle),
                   ('p', 'R1', 'neglect', 'scheduled', 'k1', @Now, @Now, NULL, 'in-progress', 1, @Cycle);
            INSERT INTO deep_dive (partnership_id, deep_dive_id, round_id, case_ref, status, needs_work, opened_utc)
            VALUES ('p', 'R0/C1', 'R0', 'C1', 'closed', 0, @Now), ('p', 'R1/C1', 'R1', 'C1', 'open', 0, @Now),
                   ('p', 'R1/C2', 'R1', 'C2', 'open', 0, @Now), ('p', 'R1/C3', 'R1', 'C3', 'open', 0, @Now);
            INSERT INTO audit_task (partnership_id, task_id, deep_dive_id, round_id, case_ref, agency, auditor_id, status, opened_utc, due_utc, submitted_utc, grade, late, answers_json)
            VALUES ('p', 'R0/C1/csc', 'R0/C1', 'R0', 'C1', 'csc', 'A1', 'submitted', @Now, @Now, @Now, 'outstanding', 0, '{"grade":"outstanding","sections":[]}'),
                   ('p', 'R1/C1/csc', 'R1/C1', 'R1', 'C1', 'csc', 'A1', 'open', @Now, @Due2, NULL, NULL, 0, NULL),
                   ('p', 'R1/C2/csc', 'R1/C2', 'R1', 'C2', 'csc', 'A1', 'open', @Now, @Due3, NULL, NULL, 0, NULL),
                   ('p', 'R1/C3/csc', 'R1/C3', 'R1', 'C3', 'csc', 'A1', 'open', @Now, @Due1, NULL, NULL, 0, NULL),
                   ('p', 'R1/C3/police', 'R1/C3', 'R1', 'C3', 'police', 'A2', 'open', @Now, @Due1, NULL, NULL, 0, NULL);
            """, new
        {
            Now, Opened = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc), Cycle = CycleFile.Serialize(cycle),
            Due1 = Now.AddDays(3), Due2 = Now.AddDays(10), Due3 = Now.AddDays(20),
        });
    }
}
