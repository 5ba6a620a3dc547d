using Dapper;
using DeepDive.Engine.Auditors;
using DeepDive.Engine.Cases;
using DeepDive.Engine.Notifications;
using DeepDive.Simulation;
using DeepDive.Engine.Tests.Support;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Engine.Tests.Scheduling;

/// <summary>Reminders and escalations in virtual time, through the real chase job, calendar, outbox and .eml delivery.</summary>
public sealed class TaskChaseTests
{
    private static DateTimeOffset London(int year, int month, int day, int hour)
    {
        var local = new DateTime(year, month, day, hour, 0, 0);
        return new DateTimeOffset(local, TimeZoneInfo.FindSystemTimeZoneById("Europe/London").GetUtcOffset(local));
    }

    private sealed class Sent
    {
        public string Kind { get; set; } = "";
        public string DedupKey { get; set; } = "";
        public string RecipientAddress { get; set; } = "";
        public DateTime CreatedUtc { get; set; }
        public string Status { get; set; } = "";
    }

    [Fact]
    public async Task Reminders_go_five_and_one_working_days_before_and_escalations_the_working_day_after_even_across_a_restart()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var start = London(2027, 10, 8, 12);
        await using var engine = await VirtualEngine.CreateAsync(sqlite.Database, start);
        var partnership = SyntheticPartnership.Generate(5, 300, start.UtcDateTime);
        await sqlite.Database.InTransactionAsync(async (connection, transaction) =>
        {
            await new CaseStore(sqlite.Database, engine.Clock).UpsertAsync(VirtualEngine.Partnership, partnership.Cases, connection, transaction, CancellationToken.None);
            await new AuditorStore(sqlite.Database, engine.Clock).UpsertAsync(VirtualEngine.Partnership, partnership.Auditors, connection, transaction, CancellationToken.None);
        }, CancellationToken.None);
        // Monday 11 October 2027, 09:00 BST, ten working days: due Monday 25 October 09:00 BST.
        await engine.AddCyclesAsync(VirtualEngine.Cycle("autumn", "0 0 9 11 OCT ?", sampleSize: 1));
        await engine.StartAsync();

        // Stop the engine on Friday 15 October and start it again on Wednesday 20 October: the reminder of Monday 18th was due while it was down.
        await engine.RunUntilAsync(London(2027, 10, 15, 12));
        await engine.StopAsync();
        engine.Clock.SetUtcNow(London(2027, 10, 20, 10));
        await engine.StartAsync(scheduleCycles: false);
        await engine.RunUntilAsync(London(2027, 10, 29, 12));
        await engine.Runtime!.Services.GetRequiredService<OutboxDispatcher>().DeliverDueAsync(CancellationToken.None);

        await using var connection = await sqlite.Database.OpenAsync(CancellationToken.None);
        var tasks = (await connection.QueryAsync<string>("SELECT task_id FROM audit_task")).ToList();
        tasks.Should().NotBeEmpty();
        var sent = (await connection.QueryAsync<Sent>("""
            SELECT kind AS Kind, dedup_key AS DedupKey, recipient_address AS RecipientAddress, created_utc AS CreatedUtc, status AS Status
            FROM notification_outbox ORDER BY created_utc, dedup_key
            """)).ToList();
        foreach (var task in tasks)
        {
            var mine = sent.Where(s => s.DedupKey.StartsWith($"task:{task}:", StringComparison.Ordinal)).ToList();
            // 5 working days before Monday 25 October is Monday 18th (sent late, on coming back on the 20th); 1 before is Friday 22nd at 08:00 BST.
            mine.Where(s => s.Kind == "reminder").Select(s => (s.DedupKey[(s.DedupKey.LastIndexOf(':') + 1)..], s.CreatedUtc)).Should().Equal(
                ("5", London(2027, 10, 20, 10).UtcDateTime), ("1", London(2027, 10, 22, 8).UtcDateTime));
            // The working day after: Tuesday 26 October, 08:00 BST, to the business team (and the line manager when the register has their address).
            var escalations = mine.Where(s => s.Kind == "escalation").ToList();
            escalations.Should().Contain(s => s.DedupKey == $"task:{task}:escalation:1:business-team" && s.CreatedUtc == London(2027, 10, 26, 8).UtcDateTime);
            escalations.Should().OnlyContain(s => s.CreatedUtc == London(2027, 10, 26, 8).UtcDateTime);
        }

        sent.Should().OnlyContain(s => s.Status == Outbox.Delivered);
        Directory.GetFiles(engine.OutboxFolder, "*.eml").Should().HaveCount(sent.Count);
        (await engine.ErrorsAsync()).Should().Be(0);
    }
}
