using Dapper;
using DeepDive.Domain.Notifications;
using DeepDive.Engine.Notifications;
using DeepDive.Engine.Storage;
using DeepDive.Engine.Tests.Support;
using FluentAssertions;
using Ical.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace DeepDive.Engine.Tests.Notifications;

/// <summary>The notification outbox: added once per occasion, delivered as .eml or by SMTP with an .ics, retried, never sent twice by two nodes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class OutboxTests(PostgresServer postgres) : IDisposable
{
    private static readonly DateTimeOffset Now = new(2027, 3, 8, 8, 0, 0, TimeSpan.Zero);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "deepdive-tests", "outbox-" + Guid.NewGuid().ToString("N"));

    private static Notification Reminder(string task, int days) => new(
        $"task:{task}:reminder:{days}", NotificationKinds.Reminder, "Alex Auditor", "alex@example.org",
        $"Reminder: deep-dive task {task} is due in {days} working days", $"Task {task} is due on 15 March 2027.", task,
        new CalendarEntry($"{task}@deepdive", $"Deep-dive task {task} due", new DateTime(2027, 3, 15, 17, 0, 0, DateTimeKind.Utc), TimeSpan.FromMinutes(30)));

    [Fact]
    public async Task Sqlite_the_same_occasion_is_added_once_and_delivered_as_an_eml_with_its_ics() =>
        await AddsOnceAndDeliversAsEmlAsync(SqliteDatabase.CreateMigrated().Database);

    [PostgresFact]
    public async Task Postgres_the_same_occasion_is_added_once_and_delivered_as_an_eml_with_its_ics() =>
        await AddsOnceAndDeliversAsEmlAsync(await postgres.CreateMigratedDatabaseAsync());

    private async Task AddsOnceAndDeliversAsEmlAsync(Database database)
    {
        var clock = new FakeTimeProvider(Now);
        var outbox = new Outbox(database, clock);
        (await outbox.AddAsync("p1", Reminder("T1", 5), CancellationToken.None)).Should().BeTrue();
        (await outbox.AddAsync("p1", Reminder("T1", 5), CancellationToken.None)).Should().BeFalse("the same occasion is noticed again");
        (await outbox.AddAsync("p1", Reminder("T1", 1), CancellationToken.None)).Should().BeTrue();

        var sender = new EmlFolderSender(folder);
        var result = await Dispatcher(outbox, sender).DeliverDueAsync(CancellationToken.None);

        result.Should().Be((2, 0));
        var files = Directory.GetFiles(folder, "*.eml");
        files.Should().HaveCount(2);
        var message = await MimeMessage.LoadAsync(files.Order().First());
        message.To.Mailboxes.Single().Address.Should().Be("alex@example.org");
        message.Subject.Should().StartWith("Reminder: deep-dive task T1");
        var ics = message.Attachments.OfType<MimePart>().Single(a => a.FileName == "deadline.ics");
        ics.ContentType.MimeType.Should().Be("text/calendar");
        using var content = new MemoryStream();
        await ics.Content!.DecodeToAsync(content);
        var calendar = Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
        var entry = calendar.Events.Single()!;
        entry.Uid.Should().Be("T1@deepdive");
        entry.DtStart!.AsUtc.Should().Be(new DateTime(2027, 3, 15, 17, 0, 0, DateTimeKind.Utc));

        var rows = await outbox.ListAsync("p1", null, CancellationToken.None);
        rows.Should().OnlyContain(r => r.Status == Outbox.Delivered && r.Attempts == 1 && r.DeliveredVia!.StartsWith("eml ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_delivery_is_retried_later_and_gives_up_after_the_last_attempt()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var clock = new FakeTimeProvider(Now);
        var outbox = new Outbox(sqlite.Database, clock);
        await outbox.AddAsync("p1", Reminder("T2", 5), CancellationToken.None);
        await using var smtp = new FakeSmtpServer { Refuse = true };
        var dispatcher = Dispatcher(outbox, new SmtpSender(new SmtpSettings { Host = "127.0.0.1", Port = smtp.Port, Security = "none" }));

        (await dispatcher.DeliverDueAsync(CancellationToken.None)).Should().Be((0, 1));
        var row = (await outbox.ListAsync("p1", null, CancellationToken.None)).Single();
        row.Status.Should().Be(Outbox.Pending);
        row.Attempts.Should().Be(1);
        row.NextAttemptUtc.Should().Be(Now.UtcDateTime.AddMinutes(1));
        row.LastError.Should().Contain("try again later");

        // Not due again until the retry time.
        (await dispatcher.DeliverDueAsync(CancellationToken.None)).Should().Be((0, 0));
        smtp.Refuse = false;
        clock.Advance(TimeSpan.FromMinutes(1));
        (await dispatcher.DeliverDueAsync(CancellationToken.None)).Should().Be((1, 0));
        smtp.Messages.Should().ContainSingle().Which.Should().Contain("Subject: Reminder: deep-dive task T2").And.Contain("text/calendar");

        // Another that never gets through is marked failed after the last attempt, and stops being tried.
        await outbox.AddAsync("p1", Reminder("T3", 5), CancellationToken.None);
        smtp.Refuse = true;
        for (var attempt = 0; attempt < RetrySchedule.MaxAttempts; attempt++)
        {
            await dispatcher.DeliverDueAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromHours(4));
        }

        var failed = (await outbox.ListAsync("p1", Outbox.Failed, CancellationToken.None)).Single();
        failed.TaskId.Should().Be("T3");
        failed.Attempts.Should().Be(RetrySchedule.MaxAttempts);
        (await dispatcher.DeliverDueAsync(CancellationToken.None)).Should().Be((0, 0));

        // Once the mail server is mended, a manager queues it again ('notifications retry') and it goes.
        smtp.Refuse = false;
        (await outbox.RequeueFailedAsync("p2", null, CancellationToken.None)).Should().Be(0, "another partnership's");
        (await outbox.RequeueFailedAsync("p1", failed.NotificationId, CancellationToken.None)).Should().Be(1);
        (await dispatcher.DeliverDueAsync(CancellationToken.None)).Should().Be((1, 0));
        (await outbox.ListAsync("p1", Outbox.Failed, CancellationToken.None)).Should().BeEmpty();
    }

    [PostgresFact]
    public async Task Two_nodes_delivering_at_once_send_each_notification_exactly_once()
    {
        var database = await postgres.CreateMigratedDatabaseAsync();
        var clock = new FakeTimeProvider(Now);
        var outbox = new Outbox(database, clock);
        for (var i = 0; i < 200; i++)
        {
            await outbox.AddAsync("p1", Reminder($"T{i}", 5), CancellationToken.None);
        }

        var sent = new System.Collections.Concurrent.ConcurrentBag<string>();
        var first = Dispatcher(outbox, new RecordingSender(sent), "node-a");
        var second = Dispatcher(outbox, new RecordingSender(sent), "node-b");
        var results = await Task.WhenAll(
            Task.Run(() => first.DeliverDueAsync(CancellationToken.None)),
            Task.Run(() => second.DeliverDueAsync(CancellationToken.None)));

        results.Sum(r => r.Delivered).Should().Be(200);
        sent.Should().HaveCount(200).And.OnlyHaveUniqueItems();
        (await outbox.ListAsync("p1", Outbox.Delivered, CancellationToken.None)).Should().HaveCount(200);
    }

    [Fact]
    public async Task A_notification_added_in_a_transaction_that_rolls_back_is_not_kept()
    {
        using var sqlite = SqliteDatabase.CreateMigrated();
        var outbox = new Outbox(sqlite.Database, new FakeTimeProvider(Now));
        var failing = () => sqlite.Database.InTransactionAsync(async (c, t) =>
        {
            await outbox.AddAsync("p1", Reminder("T9", 5), c, t, CancellationToken.None);
            throw new InvalidOperationException("the change that caused it failed");
        }, CancellationToken.None);

        await failing.Should().ThrowAsync<InvalidOperationException>();
        await using var connection = await sqlite.Database.OpenAsync(CancellationToken.None);
        (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notification_outbox")).Should().Be(0);
    }

    private static OutboxDispatcher Dispatcher(Outbox outbox, INotificationSender sender, string node = "test") =>
        new(outbox, sender, new NotificationSettings { FromAddress = "deepdive@example.org" }, node, NullLogger<OutboxDispatcher>.Instance);

    private sealed class RecordingSender(System.Collections.Concurrent.ConcurrentBag<string> sent) : INotificationSender
    {
        public string Via => "recording";

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            await Task.Delay(1, cancellationToken);
            sent.Add(message.MessageId!);
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
