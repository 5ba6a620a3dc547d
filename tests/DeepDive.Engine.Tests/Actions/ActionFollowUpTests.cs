using Dapper;
using DeepDive.Domain.Actions;
using DeepDive.Engine.Actions;
using DeepDive.Engine.Calendars;
using DeepDive.Engine.Notifications;
using DeepDive.Engine.Runtime;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Scheduling;
using DeepDive.Engine.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Engine.Tests.Actions;

/// <summary>
/// The action follow-up in virtual time, through the real engine (Quartz, the job, the calendar with England's bank
/// holidays, the outbox and .eml delivery): overdue actions turn red and are escalated, owners are asked for updates.
/// </summary>
public sealed class ActionFollowUpTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private const string Header = "review,review_type,recommendation,action,owner_agency,due_date,status,as_at";

    private static DateTimeOffset London(int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0);
        return new DateTimeOffset(local, UkTime.Zone.GetUtcOffset(local));
    }

    private sealed class Sent
    {
        public string Kind { get; set; } = "";
        public string DedupKey { get; set; } = "";
        public string RecipientAddress { get; set; } = "";
        public DateTime CreatedUtc { get; set; }
        public string Status { get; set; } = "";
        public string Body { get; set; } = "";
    }

    private static async Task<Dictionary<string, PlanAction>> ImportAsync(Database database, VirtualEngine engine, params string[] rows)
    {
        var result = await new ActionImporter(database, engine.Clock).ImportAsync(VirtualEngine.Partnership,
            new StringReader(string.Join("\n", [Header, .. rows]) + "\n"), "plan.csv", Ct);
        result.Errors.Should().BeEmpty();
        return (await new ActionStore(database).ListAsync(VirtualEngine.Partnership, null, Ct)).ToDictionary(a => a.Description);
    }

    private static async Task<RagStatus?> StatusAsync(Database database, PlanAction action) =>
        (await new ActionStore(database).GetAsync(VirtualEngine.Partnership, action.ActionId, Ct))!.Status;

    private static async Task<List<Sent>> OutboxAsync(Database database)
    {
        await using var connection = await database.OpenAsync(Ct);
        return (await connection.QueryAsync<Sent>("""
            SELECT kind AS Kind, dedup_key AS DedupKey, recipient_address AS RecipientAddress, created_utc AS CreatedUtc, status AS Status, body AS Body
            FROM notification_outbox ORDER BY created_utc, dedup_key
            """)).ToList();
    }

    [Fact]
    public async Task An_overdue_action_turns_red_at_8am_on_the_first_working_day_after_a_weekend_and_a_bank_holiday_unless_it_has_a_recovery_plan()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var database = sqlite.Database;
        // Thursday 29 April 2027. Friday 30 April is due day; 1-2 May a weekend; Monday 3 May the early May bank holiday.
        await using var engine = await VirtualEngine.CreateAsync(database, London(2027, 4, 29, 12));
        var actions = await ImportAsync(database, engine,
            "Sam and Kyle,rapid review,1.1,Due on Friday,Police,2027-04-30,green,2027-04-01",
            "Sam and Kyle,rapid review,1.1,Due on Friday with a recovery plan,Health,2027-04-30,green,2027-04-01",
            "Sam and Kyle,rapid review,1.2,Due on Friday and complete,Education,2027-04-30,blue,2027-04-01",
            "Sam and Kyle,rapid review,1.2,Due a week later,Children's social care,2027-05-07,amber,2027-04-01");
        var (friday, planned, complete, later) = (actions["Due on Friday"], actions["Due on Friday with a recovery plan"],
            actions["Due on Friday and complete"], actions["Due a week later"]);
        await new ActionUpdates(database, new CalendarStore(database, engine.Clock), engine.Clock).UpdateAsync(VirtualEngine.Partnership, planned.ActionId,
            new ActionChange { RecoveryPlan = "A new trainer is booked for 20 May" }, "Jo Owner", Ct);
        await engine.StartAsync();

        await engine.RunUntilAsync(London(2027, 5, 3, 12));
        (await StatusAsync(database, friday)).Should().Be(RagStatus.Green, "not over the weekend nor on the bank holiday");

        await engine.RunUntilAsync(London(2027, 5, 4, 12));
        (await StatusAsync(database, friday)).Should().Be(RagStatus.Red);
        (await StatusAsync(database, planned)).Should().Be(RagStatus.Green, "an overdue action with a recovery plan does not turn red");
        (await StatusAsync(database, complete)).Should().Be(RagStatus.Blue);
        (await StatusAsync(database, later)).Should().Be(RagStatus.Amber);
        var red = (await new ActionStore(database).HistoryAsync(VirtualEngine.Partnership, friday.ActionId, Ct)).Last();
        red.Should().Be(new ActionStatusEntry(2, RagStatus.Red, London(2027, 5, 4, 8).UtcDateTime, London(2027, 5, 4, 8).UtcDateTime,
            ActionFollowUp.Engine, "Overdue since 30 April 2027 with no recovery plan", null, Automatic: true));

        await engine.RunUntilAsync(London(2027, 5, 7, 23));
        (await StatusAsync(database, later)).Should().Be(RagStatus.Amber, "due Friday 7 May: not red on its due day");
        await engine.RunUntilAsync(London(2027, 5, 10, 12));
        (await StatusAsync(database, later)).Should().Be(RagStatus.Red);
        // Turned red by the run at 08:00 on Monday the 10th (not over the weekend): in force and recorded then.
        (await new ActionStore(database).HistoryAsync(VirtualEngine.Partnership, later.ActionId, Ct)).Last()
            .Should().BeEquivalentTo(new { AtUtc = London(2027, 5, 10, 8).UtcDateTime, RecordedUtc = London(2027, 5, 10, 8).UtcDateTime, Automatic = true });
        (await StatusAsync(database, planned)).Should().Be(RagStatus.Green);

        var sent = await OutboxAsync(database);
        sent.Where(s => s.Kind == "action-escalation").Select(s => (s.DedupKey, s.CreatedUtc, s.RecipientAddress)).Should().BeEquivalentTo(new[]
        {
            ($"action:{friday.ActionId}:overdue:2027-04-30", London(2027, 5, 4, 8).UtcDateTime, "business-team@localhost"),
            ($"action:{planned.ActionId}:overdue:2027-04-30", London(2027, 5, 4, 8).UtcDateTime, "business-team@localhost"),
            ($"action:{later.ActionId}:overdue:2027-05-07", London(2027, 5, 10, 8).UtcDateTime, "business-team@localhost"),
        });
        sent.Single(s => s.DedupKey.Contains(planned.ActionId + ":overdue", StringComparison.Ordinal)).Body.Should().Contain("Its recovery plan: A new trainer is booked for 20 May");
        (await engine.ErrorsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Owners_get_one_update_request_a_month_on_its_first_working_day_even_across_engine_restarts()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var database = sqlite.Database;
        await using var engine = await VirtualEngine.CreateAsync(database, London(2027, 4, 29, 12));
        var actions = await ImportAsync(database, engine,
            "Child R,LCSPR,Supervision,Audit supervision in early help,Early help,2027-12-31,green,",
            "Child R,LCSPR,Supervision,Train team managers in reflective supervision,Children's social care,2027-12-31,amber,",
            "Child R,LCSPR,Supervision,Write the supervision policy,Children's social care,2027-03-31,blue,2027-04-01");
        var open = new[] { actions["Audit supervision in early help"], actions["Train team managers in reflective supervision"] };
        await new ActionUpdates(database, new CalendarStore(database, engine.Clock), engine.Clock).UpdateAsync(VirtualEngine.Partnership, open[0].ActionId,
            new ActionChange { OwnerName = "Ravi Lead", OwnerEmail = "ravi.lead@early-help.example" }, "QA lead", Ct);
        await engine.StartAsync();
        await engine.RunUntilAsync(London(2027, 5, 20, 12));

        // Down over the first working day of June (Tuesday 1 June), back on the 2nd: June's requests go then, once.
        await engine.StopAsync();
        engine.Clock.SetUtcNow(London(2027, 6, 2, 10));
        await engine.StartAsync(scheduleCycles: false);
        await engine.RunUntilAsync(London(2027, 6, 2, 12));
        await engine.StopAsync();
        await engine.StartAsync(scheduleCycles: false);
        await engine.RunUntilAsync(London(2027, 7, 1, 12));
        await engine.StopAsync();
        await engine.StartAsync(scheduleCycles: false);
        await engine.RunUntilAsync(London(2027, 7, 1, 13));
        await engine.Runtime!.Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(Ct);

        var requests = (await OutboxAsync(database)).Where(s => s.Kind == "action-update").ToList();
        foreach (var action in open)
        {
            requests.Where(r => r.DedupKey.StartsWith($"action:{action.ActionId}:", StringComparison.Ordinal)).Select(r => (r.DedupKey, r.CreatedUtc)).Should().Equal(
                // Saturday 1 May, Monday 3 May a bank holiday: May's go on Tuesday the 4th.
                ($"action:{action.ActionId}:update:2027-05", London(2027, 5, 4, 8).UtcDateTime),
                ($"action:{action.ActionId}:update:2027-06", London(2027, 6, 2, 10).UtcDateTime),
                ($"action:{action.ActionId}:update:2027-07", London(2027, 7, 1, 8).UtcDateTime));
        }

        requests.Should().HaveCount(6, "a complete action gets no requests, and no request went twice");
        requests.Where(r => r.DedupKey.Contains(open[0].ActionId, StringComparison.Ordinal)).Should().OnlyContain(r => r.RecipientAddress == "ravi.lead@early-help.example"
            && r.Body.Contains($"/actions/{open[0].ActionId}", StringComparison.Ordinal));
        requests.Where(r => r.DedupKey.Contains(open[1].ActionId, StringComparison.Ordinal)).Should().OnlyContain(r => r.RecipientAddress == "business-team@localhost"
            && r.Body.Contains("please pass it to Children's social care", StringComparison.Ordinal));
        requests.Should().OnlyContain(r => r.Status == Outbox.Delivered);
        Directory.GetFiles(engine.OutboxFolder, "*.eml").Should().HaveCount((await OutboxAsync(database)).Count);
    }

    [Fact]
    public async Task A_follow_up_run_that_fails_is_recorded_as_a_failed_job_and_tried_again_five_minutes_later()
    {
        using var file = SqliteDatabase.CreateMigrated();
        var faulty = new FaultySqlite(file.Path);
        var database = faulty.Database;
        await using var engine = await VirtualEngine.CreateAsync(database, London(2027, 4, 29, 12));
        var actions = await ImportAsync(database, engine, "Sam and Kyle,rapid review,1.1,Due on Friday,Police,2027-04-30,green,2027-04-01");
        await engine.StartAsync();
        await engine.RunUntilAsync(London(2027, 5, 3, 12));

        faulty.FailNext("FROM plan_action a", 1);
        await engine.RunUntilAsync(London(2027, 5, 4, 12));

        faulty.Injected.Should().Be(1);
        var history = await new ActionStore(database).HistoryAsync(VirtualEngine.Partnership, actions["Due on Friday"].ActionId, Ct);
        history.Last().Should().BeEquivalentTo(new { Status = RagStatus.Red, AtUtc = London(2027, 5, 4, 8).UtcDateTime, RecordedUtc = London(2027, 5, 4, 8, 5).UtcDateTime });
        var failure = (await new JobFailures(database, engine.Clock).ListAsync(Ct)).Should().ContainSingle().Subject;
        failure.Should().BeEquivalentTo(new { JobKey = ActionScheduler.Job.ToString(), Failures = 1, LastFailedUtc = London(2027, 5, 4, 8).UtcDateTime, Failing = false });
        failure.LastError.Should().Contain("database is locked");
    }
}
