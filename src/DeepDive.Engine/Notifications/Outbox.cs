using System.Data.Common;
using Dapper;
using DeepDive.Domain.Notifications;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Notifications;

/// <summary>
/// The notification outbox: notifications are added in the caller's transaction (so a reminder exists exactly
/// when the change that caused it does) and taken out for delivery by <see cref="OutboxDispatcher"/>.
/// </summary>
public sealed class Outbox(Database database, TimeProvider clock)
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";

    public sealed class Row
    {
        public string PartnershipId { get; set; } = "";
        public string NotificationId { get; set; } = "";
        public string DedupKey { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? TaskId { get; set; }
        public string Recipient { get; set; } = "";
        public string RecipientAddress { get; set; } = "";
        public string Subject { get; set; } = "";
        public string Body { get; set; } = "";
        public string? Ics { get; set; }
        public DateTime CreatedUtc { get; set; }
        public string Status { get; set; } = "";
        public int Attempts { get; set; }
        public DateTime NextAttemptUtc { get; set; }
        public DateTime? DeliveredUtc { get; set; }
        public string? DeliveredVia { get; set; }
        public string? LastError { get; set; }
    }

    private const string Columns = """
        partnership_id AS PartnershipId, notification_id AS NotificationId, dedup_key AS DedupKey, kind AS Kind,
        task_id AS TaskId, recipient AS Recipient, recipient_address AS RecipientAddress, subject AS Subject, body AS Body,
        ics AS Ics, created_utc AS CreatedUtc, status AS Status, attempts AS Attempts, next_attempt_utc AS NextAttemptUtc,
        delivered_utc AS DeliveredUtc, delivered_via AS DeliveredVia, last_error AS LastError
        """;

    /// <summary>
    /// Adds a notification unless one for the same occasion (its dedup key) is already there. Returns whether it
    /// was added.
    /// </summary>
    public async Task<bool> AddAsync(string partnershipId, Notification notification, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var sql = database.Dialect.InsertIfAbsent("notification_outbox", ["partnership_id", "dedup_key"],
            ["notification_id", "kind", "task_id", "recipient", "recipient_address", "subject", "body", "ics", "created_utc", "status", "attempts", "next_attempt_utc"]);
        var added = await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            PartnershipId = partnershipId,
            notification.DedupKey,
            NotificationId = Guid.NewGuid().ToString("N"),
            notification.Kind,
            notification.TaskId,
            notification.Recipient,
            notification.RecipientAddress,
            notification.Subject,
            notification.Body,
            Ics = notification.Entry is { } entry ? CalendarAttachment.Write(entry, now) : null,
            CreatedUtc = now,
            Status = Pending,
            Attempts = 0,
            NextAttemptUtc = now,
        }, transaction, cancellationToken: cancellationToken));
        return added == 1;
    }

    public async Task<bool> AddAsync(string partnershipId, Notification notification, CancellationToken cancellationToken) =>
        await database.InTransactionAsync((c, t) => AddAsync(partnershipId, notification, c, t, cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<Row>> ListAsync(string partnershipId, string? status, CancellationToken cancellationToken)
    {
        var sql = $"SELECT {Columns} FROM notification_outbox WHERE partnership_id = @PartnershipId"
            + (status is null ? "" : " AND status = @Status") + " ORDER BY created_utc, dedup_key";
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(new CommandDefinition(sql, new { PartnershipId = partnershipId, Status = status }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Pending notifications due by now that no other process holds, at most <paramref name="count"/>, oldest first.</summary>
    internal async Task<IReadOnlyList<Row>> DueAsync(int count, CancellationToken cancellationToken)
    {
        var sql = database.Dialect.Top($"""
            SELECT {Columns} FROM notification_outbox
            WHERE status = @Pending AND next_attempt_utc <= @Now AND (claimed_until_utc IS NULL OR claimed_until_utc < @Now)
            ORDER BY next_attempt_utc, notification_id
            """, count);
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync<Row>(new CommandDefinition(sql, new { Pending, Now = clock.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>
    /// Takes one notification for delivery by <paramref name="node"/> for <paramref name="hold"/>: true when this
    /// node got it, false when another node holds it or it is no longer pending. Several nodes never send one twice
    /// while the hold lasts.
    /// </summary>
    internal async Task<bool> ClaimAsync(string notificationId, string node, TimeSpan hold, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE notification_outbox SET claimed_by = @Node, claimed_until_utc = @Until
            WHERE notification_id = @Id AND status = @Pending AND (claimed_until_utc IS NULL OR claimed_until_utc < @Now)
            """;
        var now = clock.GetUtcNow().UtcDateTime;
        return await database.WriteAsync(async (c, t, ct) => await c.ExecuteAsync(new CommandDefinition(sql,
            new { Id = notificationId, Node = node, Until = now + hold, Now = now, Pending }, t, cancellationToken: ct)) == 1, cancellationToken);
    }

    internal Task MarkDeliveredAsync(string notificationId, string via, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE notification_outbox SET status = @Delivered, delivered_utc = @Now, delivered_via = @Via, attempts = attempts + 1,
                claimed_by = NULL, claimed_until_utc = NULL, last_error = NULL
            WHERE notification_id = @Id
            """;
        return database.WriteAsync((c, t, ct) => c.ExecuteAsync(new CommandDefinition(sql,
            new { Id = notificationId, Delivered, Now = clock.GetUtcNow().UtcDateTime, Via = via }, t, cancellationToken: ct)), cancellationToken);
    }

    /// <summary>Records a failed attempt: tried again later per <see cref="RetrySchedule"/>, or marked failed when it gives up.</summary>
    internal Task MarkAttemptFailedAsync(Row row, string error, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE notification_outbox SET status = @Status, attempts = @Attempts, next_attempt_utc = @Next, last_error = @Error,
                claimed_by = NULL, claimed_until_utc = NULL
            WHERE notification_id = @Id
            """;
        var now = clock.GetUtcNow().UtcDateTime;
        var attempts = row.Attempts + 1;
        var next = RetrySchedule.NextAttempt(now, attempts);
        return database.WriteAsync((c, t, ct) => c.ExecuteAsync(new CommandDefinition(sql, new
        {
            Id = row.NotificationId,
            Status = next is null ? Failed : Pending,
            Attempts = attempts,
            Next = next ?? now,
            Error = error.Length > 2000 ? error[..2000] : error,
        }, t, cancellationToken: ct)), cancellationToken);
    }

    /// <summary>
    /// Puts notifications that gave up (<see cref="Failed"/>) back in the queue, due now: one by id, or all of the
    /// partnership's. Each then gets one more attempt (and the retry schedule's if it had attempts to spare). Returns
    /// how many were queued again.
    /// </summary>
    public Task<int> RequeueFailedAsync(string partnershipId, string? notificationId, CancellationToken cancellationToken)
    {
        var sql = """
            UPDATE notification_outbox SET status = @Pending, next_attempt_utc = @Now, claimed_by = NULL, claimed_until_utc = NULL
            WHERE partnership_id = @PartnershipId AND status = @Failed
            """ + (notificationId is null ? "" : " AND notification_id = @Id");
        return database.WriteStatementAsync(sql, new
        {
            Pending,
            Failed,
            Now = clock.GetUtcNow().UtcDateTime,
            PartnershipId = partnershipId,
            Id = notificationId,
        }, cancellationToken);
    }

    /// <summary>The earliest time a pending notification is due, or null when none is pending.</summary>
    public async Task<DateTime?> NextDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "SELECT MIN(next_attempt_utc) FROM notification_outbox WHERE status = @Pending", new { Pending }, cancellationToken: cancellationToken));
    }
}
