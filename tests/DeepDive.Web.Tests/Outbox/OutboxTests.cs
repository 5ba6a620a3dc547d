using System.Net;
using DeepDive.Domain.Notifications;
using DeepDive.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace DeepDive.Web.Tests.Outbox;

/// <summary>The demo year sent every notification; each test makes its own that failed (or are retrying) in a fresh app.</summary>
public sealed class OutboxTests
{
    [Fact]
    public async Task Notifications_are_listed_by_status_with_the_failed_ones_first_and_why_they_failed()
    {
        await using var app = await TestApp.StartAsync();
        var failed = await AddAsync(app, "demo", "failed-1", "Reminder: deep-dive audit due (case CSC-1)", failed: true);
        await AddAsync(app, "demo", "retrying-1", "Escalation: deep-dive audit late (case CSC-2)", attempts: 3);
        await AddAsync(app, "other", "other-failed", "Reminder for the other partnership", failed: true);
        var sent = await app.ScalarAsync<int>("SELECT COUNT(*) FROM notification_outbox WHERE partnership_id = 'demo' AND status = 'delivered'");
        using var client = await app.SignedInAsync(app.People.Manager);

        var page = await client.GetAsync("/outbox");
        var sentPage = await client.GetAsync("/outbox?status=sent&page=2");
        var retrying = await client.GetAsync("/outbox?status=retrying");

        page.Status.Should().Be(HttpStatusCode.OK);
        page.Document.QuerySelectorAll(".app-subnav__item").Select(i => i.TextContent.Trim()).Should()
            .Equal("Failed (1)", "Retrying (1)", "Queued (0)", $"Sent ({sent})");
        var row = page.Document.QuerySelectorAll("#notifications tbody tr").Should().ContainSingle().Subject;
        row.TextContent.Should().Contain("Reminder: deep-dive audit due (case CSC-1)").And.Contain("Gave up after 12 attempts").And.Contain("Last error: mail server said no");
        row.QuerySelector("input[name=id]")!.GetAttribute("value").Should().Be(failed);
        page.Text.Should().NotContain("Reminder for the other partnership");
        page.Document.QuerySelector("#send-all-again")!.TextContent.Should().Be("Send all 1 failed notifications again");
        sentPage.Text.Should().Contain($"Showing 26 to 50 of {sent}");
        retrying.Document.QuerySelector("#notifications")!.TextContent.Should().Contain("Tried 3 times; next try");
    }

    [Fact]
    public async Task Send_again_queues_that_notification_once_more_and_logs_the_change()
    {
        await using var app = await TestApp.StartAsync();
        var first = await AddAsync(app, "demo", "failed-a", "Reminder A", failed: true);
        var second = await AddAsync(app, "demo", "failed-b", "Reminder B", failed: true);
        using var client = await app.SignedInAsync(app.People.Manager);
        var page = await client.GetAsync("/outbox?status=failed");
        var form = page.Document.QuerySelectorAll("#notifications form").Single(f => f.QuerySelector("input[name=id]")!.GetAttribute("value") == first);
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value")!);

        var posted = await client.PostAsync(form.GetAttribute("action")!, fields);

        posted.Location.Should().Be("/outbox?status=queued");
        (await app.ScalarAsync<string>("SELECT status FROM notification_outbox WHERE notification_id = @Id", new { Id = first })).Should().Be("pending");
        (await app.ScalarAsync<string>("SELECT status FROM notification_outbox WHERE notification_id = @Id", new { Id = second })).Should().Be("failed");
        (await app.ScalarAsync<string>("SELECT detail FROM access_log WHERE object_type = 'notification' AND object_id = @Id", new { Id = first }))
            .Should().Be("queued again after it failed");
        (await client.GetAsync("/outbox?status=queued")).Document.QuerySelector(".govuk-notification-banner--success")!.TextContent
            .Should().Contain("queued to be sent again");
    }

    [Fact]
    public async Task Send_all_again_queues_every_failed_notification_of_this_partnership_only()
    {
        await using var app = await TestApp.StartAsync();
        await AddAsync(app, "demo", "failed-a", "Reminder A", failed: true);
        await AddAsync(app, "demo", "failed-b", "Reminder B", failed: true);
        var others = await AddAsync(app, "other", "failed-c", "Reminder C", failed: true);
        using var client = await app.SignedInAsync(app.People.Manager);

        var posted = await client.SubmitAsync("/outbox", new Dictionary<string, string>(), formAction: "/outbox?handler=SendAllAgain");

        posted.Location.Should().Be("/outbox?status=queued");
        (await app.ScalarAsync<int>("SELECT COUNT(*) FROM notification_outbox WHERE partnership_id = 'demo' AND status = 'failed'")).Should().Be(0);
        (await app.ScalarAsync<string>("SELECT status FROM notification_outbox WHERE notification_id = @Id", new { Id = others })).Should().Be("failed");
        (await client.GetAsync("/outbox?status=queued")).Document.QuerySelector(".govuk-notification-banner--success")!.TextContent
            .Should().Contain("2 notifications are queued to be sent again");
    }

    [Fact]
    public async Task Another_partnerships_notification_cannot_be_sent_again_and_no_post_works_without_its_token()
    {
        await using var app = await TestApp.StartAsync();
        var others = await AddAsync(app, "other", "failed-c", "Reminder C", failed: true);
        var ours = await AddAsync(app, "demo", "failed-d", "Reminder D", failed: true);
        using var client = await app.SignedInAsync(app.People.Manager);
        var page = await client.GetAsync("/outbox?status=failed");
        var token = page.Document.QuerySelector("#notifications input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var crossed = await client.PostAsync("/outbox?handler=SendAgain", new Dictionary<string, string> { ["id"] = others, ["__RequestVerificationToken"] = token });
        var forged = await client.PostAsync("/outbox?handler=SendAgain", new Dictionary<string, string> { ["id"] = ours });
        var forgedAll = await client.PostAsync("/outbox?handler=SendAllAgain", new Dictionary<string, string>());

        crossed.Location.Should().Be("/outbox?status=failed");
        (await app.ScalarAsync<string>("SELECT status FROM notification_outbox WHERE notification_id = @Id", new { Id = others })).Should().Be("failed");
        forged.Status.Should().Be(HttpStatusCode.BadRequest);
        forgedAll.Status.Should().Be(HttpStatusCode.BadRequest);
        (await app.ScalarAsync<string>("SELECT status FROM notification_outbox WHERE notification_id = @Id", new { Id = ours })).Should().Be("failed");
    }

    [Fact]
    public async Task Only_managers_see_the_notifications()
    {
        await using var app = await TestApp.StartAsync();
        foreach (var email in new[] { app.People.Moderator, app.People.Viewer, app.People.School, app.People.Auditor })
        {
            using var client = await app.SignedInAsync(email);
            (await client.GetAsync("/outbox")).Location.Should().StartWith("http://localhost/forbidden", email);
        }
    }

    /// <summary>A notification as the outbox stores it, then marked as one that gave up (12 attempts) or is retrying; returns its id.</summary>
    private static async Task<string> AddAsync(TestApp app, string partnership, string key, string subject, bool failed = false, int attempts = 0)
    {
        var outbox = app.Services.GetRequiredService<Engine.Notifications.Outbox>();
        await app.ExecuteAsync("INSERT INTO partnership (id, name, created_utc) SELECT 'other', 'Other', '2027-01-01 00:00:00' WHERE NOT EXISTS (SELECT 1 FROM partnership WHERE id = 'other')");
        (await outbox.AddAsync(partnership, new Notification(key, NotificationKinds.Reminder, "Ann Auditor", "ann@example.test", subject, "Body"), CancellationToken.None))
            .Should().BeTrue();
        await app.ExecuteAsync("""
            UPDATE notification_outbox SET status = @Status, attempts = @Attempts, last_error = 'mail server said no'
            WHERE partnership_id = @Partnership AND dedup_key = @Key
            """, new { Status = failed ? "failed" : "pending", Attempts = failed ? 12 : attempts, Partnership = partnership, Key = key });
        return await app.ScalarAsync<string>("SELECT notification_id FROM notification_outbox WHERE partnership_id = @Partnership AND dedup_key = @Key",
            new { Partnership = partnership, Key = key });
    }
}
