using Dapper;
using DeepDive.Engine.Storage;

namespace DeepDive.Engine.Notifications;

/// <summary>
/// The outbox as a manager reads it: how many notifications are queued, retrying, sent and failed, and one page of
/// those in one of these states. Queued and retrying are both <see cref="Outbox.Pending"/>: a retrying one has had a
/// failed attempt and waits for its next.
/// </summary>
public sealed class OutboxQuery(Database database)
{
    public enum View
    {
        Queued,
        Retrying,
        Sent,
        Failed,
    }

    public sealed record Counts(int Queued, int Retrying, int Sent, int Failed)
    {
        public int Of(View view) => view switch
        {
            View.Queued => Queued,
            View.Retrying => Retrying,
            View.Sent => Sent,
            _ => Failed,
        };
    }

    private sealed class CountRow
    {
        public string Status { get; set; } = "";
        public int Tried { get; set; }
        public int Notifications { get; set; }
    }

    private const string Columns = """
        partnership_id AS PartnershipId, notification_id AS NotificationId, dedup_key AS DedupKey, kind AS Kind,
        task_id AS TaskId, recipient AS Recipient, recipient_address AS RecipientAddress, subject AS Subject, body AS Body,
        created_utc AS CreatedUtc, status AS Status, attempts AS Attempts, next_attempt_utc AS NextAttemptUtc,
        delivered_utc AS DeliveredUtc, delivered_via AS DeliveredVia, last_error AS LastError
        """;

    public async Task<Counts> CountAsync(string partnershipId, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT status AS Status, CASE WHEN attempts > 0 THEN 1 ELSE 0 END AS Tried, COUNT(*) AS Notifications
            FROM notification_outbox
            WHERE partnership_id = @PartnershipId
            GROUP BY status, CASE WHEN attempts > 0 THEN 1 ELSE 0 END
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<CountRow>(new CommandDefinition(sql, new { PartnershipId = partnershipId }, cancellationToken: cancellationToken))).ToList();
        int Sum(Func<CountRow, bool> which) => rows.Where(which).Sum(r => r.Notifications);
        return new Counts(
            Sum(r => r.Status == Outbox.Pending && r.Tried == 0),
            Sum(r => r.Status == Outbox.Pending && r.Tried == 1),
            Sum(r => r.Status == Outbox.Delivered),
            Sum(r => r.Status == Outbox.Failed));
    }

    /// <summary>
    /// <paramref name="count"/> notifications in the state <paramref name="view"/> after the first <paramref name="offset"/>:
    /// sent ones newest first, the others in the order they will be (or were last) tried.
    /// </summary>
    public async Task<IReadOnlyList<Outbox.Row>> PageAsync(string partnershipId, View view, int offset, int count, CancellationToken cancellationToken)
    {
        var (where, order) = view switch
        {
            View.Queued => ("status = @Pending AND attempts = 0", "next_attempt_utc, created_utc"),
            View.Retrying => ("status = @Pending AND attempts > 0", "next_attempt_utc, created_utc"),
            View.Sent => ("status = @Delivered", "delivered_utc DESC, created_utc DESC"),
            _ => ("status = @Failed", "next_attempt_utc DESC, created_utc DESC"),
        };
        var sql = database.Dialect.Page(
            $"SELECT {Columns} FROM notification_outbox WHERE partnership_id = @PartnershipId AND {where} ORDER BY {order}, notification_id", offset, count);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Outbox.Row>(new CommandDefinition(sql,
            new { PartnershipId = partnershipId, Outbox.Pending, Outbox.Delivered, Outbox.Failed }, cancellationToken: cancellationToken));
        return [.. rows];
    }
}
